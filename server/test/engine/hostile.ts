// Runs hostile texts through the engine in a worker thread (hostileWorker.ts), one at a
// time, and kills the worker when one runs past its wall-clock budget: the test fails
// with the input's name instead of hanging. The budget is generous (a busy 2-core
// machine) and asserts no speed; it only tells a hang from an answer.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HostileSummary } from './hostileWorker';

// tsx's CommonJS hook, registered in the worker, loads the TypeScript worker as the tests load their files.
const BOOT = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'hostileWorker.ts'))});`;

export class HostileRunner {
  private worker: Worker | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly budgetMs: number) {}

  /** The summary of `text`'s analysis; rejects when it takes longer than the budget. */
  analyze(name: string, text: string): Promise<HostileSummary> {
    const run = this.chain.then(() => this.run(name, text));
    this.chain = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private run(name: string, text: string): Promise<HostileSummary> {
    const worker = (this.worker ??= new Worker(BOOT, { eval: true }));
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (summary: HostileSummary) => (done(), resolve(summary));
      const onError = (error: Error) => (done(), this.dispose(), reject(error));
      const timer = setTimeout(() => {
        done();
        this.dispose();
        reject(new Error(`"${name}" was still being analyzed after ${this.budgetMs / 1000} s: it hangs`));
      }, this.budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(text);
    });
  }
}
