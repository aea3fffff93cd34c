import { Worker } from 'node:worker_threads';
import { addParsedPieces, type ParsedPiece } from '../engine';

// Parses large texts in a worker thread, one at a time, and caches the pieces on this
// thread, where the engine then finds them. micromark can take seconds on some inputs
// (a paragraph of thousands of lines full of links); on the main thread that would
// stall every request for every document.

/** parsed: the pieces are cached here; superseded: a newer text for the same key came; gave-up: stopped after the hard limit; failed: the worker could not parse it. */
export type ParseOutcome = 'parsed' | 'superseded' | 'gave-up' | 'failed';

interface Job {
  key: string;
  text: string;
  resolve(outcome: ParseOutcome): void;
}

type WorkerReply = { pieces: ParsedPiece[] } | { error: string };

export class OffThreadParser {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;

  /**
   * @param script the bundled worker (dist/parseWorker.js)
   * @param hardLimitMs a parse running longer is stopped (the worker is terminated)
   * @param log told why a worker failed
   */
  constructor(
    private readonly script: string,
    private readonly hardLimitMs: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts the worker ahead of the first parse. */
  start(): void {
    this.ensureWorker();
  }

  /** Parses `text`; a text still queued under the same key (an older version of the document) is dropped. */
  parse(key: string, text: string): Promise<ParseOutcome> {
    return new Promise((resolve) => {
      const older = this.queue.findIndex((j) => j.key === key);
      if (older >= 0) this.queue.splice(older, 1)[0].resolve('superseded');
      this.queue.push({ key, text, resolve });
      this.next();
    });
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.resolve('failed');
    this.finish('failed');
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.ensureWorker();
    if (!worker) {
      job.resolve('failed');
      this.next();
      return;
    }
    const timer = setTimeout(() => {
      this.log(`Parsing ${job.key} took longer than ${this.hardLimitMs} ms; the parse was stopped.`);
      void worker.terminate();
      this.worker = undefined;
      this.finish('gave-up');
    }, this.hardLimitMs);
    this.current = { job, timer };
    worker.postMessage(job.text);
  }

  private finish(outcome: ParseOutcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    current.job.resolve(outcome);
    this.next();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      // Replies from a worker that was replaced (stopped after the hard limit) are ignored.
      const mine = (handler: () => void) => () => worker === this.worker && handler();
      worker.on('message', (reply: WorkerReply) =>
        mine(() => {
          if ('pieces' in reply) addParsedPieces(reply.pieces);
          else this.log(`The parse worker could not parse a document: ${reply.error}`);
          this.finish('pieces' in reply ? 'parsed' : 'failed');
        })(),
      );
      worker.on('error', (error) =>
        mine(() => {
          this.log(`The parse worker failed: ${error.message}`);
          this.worker = undefined;
          this.finish('failed');
        })(),
      );
      worker.on('exit', () =>
        mine(() => {
          this.worker = undefined;
          this.finish('failed');
        })(),
      );
      // An idle worker must not keep the server process alive.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (error) {
      this.log(`The parse worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
