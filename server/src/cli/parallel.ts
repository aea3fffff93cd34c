import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobOutcome, type WorkerSetup } from './checkFile';

// `planmark check --jobs N`: files checked in worker threads. Parsing is
// CPU-bound and single-threaded, so threads are what makes many files fast.
// A worker costs a bundle load and a cold parser, so small batches stay on the
// main thread, where they are faster.

/** The bundled worker (dist/checkWorker.js). Run from the sources (tsx), there is none: jobs run in-process. */
const WORKER = join(__dirname, 'checkWorker.js');

/** Below this much text per worker, a thread's start-up costs more than it saves. */
const CHARS_PER_WORKER = 48 * 1024;

/**
 * Below this much text the run is short, and V8's optimizing compiler (TurboFan)
 * costs more than it saves: compiling and deoptimizing the parser takes longer than
 * running it in the baseline tiers (measured: a 12 KB plan 0.25 → 0.14 s of CPU,
 * 12 plans of 288 KB 2.0 → 1.2 s; 1 MB breaks even). V8's flags are per process,
 * so this also holds for the worker threads.
 */
const SHORT_RUN_CHARS = 512 * 1024;

export const DEFAULT_JOBS = availableParallelism();

/** Whether this run turned TurboFan off (see SHORT_RUN_CHARS). */
let optimizerOff = false;

/**
 * Sets V8's flags back as they were at start. The bin (bin.ts) calls it before it writes
 * the code cache: V8 rejects a cache written under other flags, so a cache written after
 * `--no-opt` would be thrown away (and written again) at every start.
 */
export function restoreV8Flags(): void {
  if (optimizerOff) setFlagsFromString('--opt');
  optimizerOff = false;
}

/** How many threads `jobs` deserve, at most `limit`: 0 means run them on this thread. */
export function workersFor(jobs: readonly Job[], limit: number): number {
  const chars = jobs.reduce((n, j) => n + j.text.length, 0);
  const useful = Math.min(limit, jobs.length, Math.ceil(chars / CHARS_PER_WORKER));
  return useful > 1 ? useful : 0;
}

/**
 * Runs every job, in parallel when worth it; outcomes are in the jobs' order.
 * `setup`: what the worker threads share, asked for only when there are workers.
 */
export async function runJobs(
  jobs: readonly Job[],
  limit: number,
  setup: () => Promise<WorkerSetup> = () => Promise.resolve({}),
): Promise<JobOutcome[]> {
  // Not when node was started with --no-opt: restoring would then turn TurboFan on.
  const short = jobs.reduce((n, j) => n + j.text.length, 0) < SHORT_RUN_CHARS;
  if (short && !optimizerOff && !process.execArgv.includes('--no-opt')) {
    setFlagsFromString('--no-opt');
    optimizerOff = true;
  }
  const workers = existsSync(WORKER) ? workersFor(jobs, limit) : 0;
  if (workers === 0) {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) outcomes.push(await runJob(job));
    return outcomes;
  }
  return runInWorkers(jobs, workers, await setup());
}

type Reply = { id: number; outcome: JobOutcome } | { id: number; error: string };

function runInWorkers(jobs: readonly Job[], count: number, workerData: WorkerSetup): Promise<JobOutcome[]> {
  const outcomes = new Array<JobOutcome>(jobs.length);
  // Largest first, so that one big file does not finish last on its own.
  const queue = jobs.map((job, id) => ({ job, id })).sort((a, b) => b.job.text.length - a.job.text.length);
  let pending = jobs.length;
  const pool: Worker[] = [];
  return new Promise<JobOutcome[]>((done, fail) => {
    const finish = (error?: Error) => {
      for (const worker of pool) void worker.terminate();
      if (error) fail(error);
      else done(outcomes);
    };
    const feed = (worker: Worker) => {
      const next = queue.shift();
      if (next) worker.postMessage(next);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER, { workerData });
      pool.push(worker);
      worker.on('message', (reply: Reply) => {
        if ('error' in reply) return finish(new Error(`while checking ${jobs[reply.id].target.file}: ${reply.error}`));
        outcomes[reply.id] = reply.outcome;
        if (--pending === 0) return finish();
        feed(worker);
      });
      worker.on('error', finish);
      feed(worker);
    }
  });
}
