import { Worker } from 'node:worker_threads';
import type { ParsedPiece, PieceCache } from '../engine';

// Parses large texts in worker threads and caches the pieces on this thread, where the
// engine then finds them. micromark can take seconds on some inputs (a paragraph of
// thousands of lines full of links); on the main thread that would stall every request
// for every document. Two workers, so that one slow document does not make another
// wait; one document is never parsed by both at once.

/** parsed: the pieces are cached here; superseded: a newer text for the same key came; gave-up: stopped after the hard limit; failed: the worker could not parse it. */
export type ParseOutcome = 'parsed' | 'superseded' | 'gave-up' | 'failed';

interface Job {
  key: string;
  text: string;
  resolve(outcome: ParseOutcome): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded and warmed up: time spent before does not count against a parse. */
  ready: boolean;
  running?: { job: Job; timer?: NodeJS.Timeout };
}

type WorkerReply = { ready: true } | { pieces: ParsedPiece[] } | { error: string };

export class OffThreadParser {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly readyWaiters: Array<() => void> = [];

  /**
   * @param script the bundled worker (dist/parseWorker.js)
   * @param cache where the parsed pieces go, for the engine to find them
   * @param hardLimitMs a parse running longer is stopped (its worker is terminated)
   * @param log told why a worker failed
   * @param workers how many parses may run at once
   */
  constructor(
    private readonly script: string,
    private readonly cache: PieceCache,
    private readonly hardLimitMs: number,
    private readonly log: (message: string) => void,
    private readonly workers = 2,
  ) {}

  /** Starts a worker ahead of the first parse: loading one takes a few hundred milliseconds. */
  start(): void {
    if (this.slots.length === 0) this.spawn();
  }

  /**
   * Resolves once a worker has started and warmed up (at once if one has): a parse's
   * time limits count from then, not from the seconds a busy machine takes to start one.
   */
  whenReady(): Promise<void> {
    if (this.slots.some((s) => s.ready)) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
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
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    for (const slot of [...this.slots]) this.stop(slot, 'failed');
  }

  private next(): void {
    for (;;) {
      const busy = new Set(this.slots.flatMap((s) => (s.running ? [s.running.job.key] : [])));
      const index = this.queue.findIndex((j) => !busy.has(j.key));
      if (index < 0) return;
      const slot = this.slots.find((s) => !s.running) ?? (this.slots.length < this.workers ? this.spawn() : undefined);
      if (!slot && this.slots.length > 0) return; // all busy: the next to finish takes it
      const [job] = this.queue.splice(index, 1);
      if (!slot) {
        job.resolve('failed'); // no worker could start
        continue;
      }
      slot.running = { job };
      // A worker with a job keeps the process alive until it answers (an idle one does not).
      slot.worker.ref();
      if (slot.ready) this.startClock(slot);
      slot.worker.postMessage(job.text);
    }
  }

  /** The hard limit of the slot's job runs from now (the worker is ready). */
  private startClock(slot: Slot): void {
    const running = slot.running;
    if (!running || running.timer) return;
    running.timer = setTimeout(() => {
      this.log(`Parsing ${running.job.key} took longer than ${this.hardLimitMs} ms; the parse was stopped.`);
      this.stop(slot, 'gave-up');
    }, this.hardLimitMs);
  }

  /** The slot's job ends with `outcome`; the slot stays for the next job. */
  private finish(slot: Slot, outcome: ParseOutcome): void {
    const running = slot.running;
    if (!running) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    slot.worker.unref();
    running.job.resolve(outcome);
    this.next();
  }

  /** Terminates the slot's worker and ends its job with `outcome`. */
  private stop(slot: Slot, outcome: ParseOutcome): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    // No worker left to become ready: whoever waits for one must not wait forever.
    if (this.slots.length === 0) for (const resolve of this.readyWaiters.splice(0)) resolve();
    void slot.worker.terminate();
    this.finish(slot, outcome);
  }

  private spawn(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.script);
    } catch (error) {
      this.log(`The parse worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const slot: Slot = { worker, ready: false };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startClock(slot);
        for (const resolve of this.readyWaiters.splice(0)) resolve();
        return;
      }
      if ('pieces' in reply) this.cache.add(reply.pieces);
      else this.log(`The parse worker could not parse a document: ${reply.error}`);
      this.finish(slot, 'pieces' in reply ? 'parsed' : 'failed');
    });
    worker.on('error', (error) => {
      this.log(`The parse worker failed: ${error.message}`);
      this.stop(slot, 'failed');
    });
    // Replies and exits of a worker already stopped find no slot: stop() ignores them.
    worker.on('exit', () => this.stop(slot, 'failed'));
    // An idle worker must not keep the server process alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}
