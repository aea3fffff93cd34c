import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { runJob, setUpWorker, type Job, type JobOutcome, type WorkerSetup } from './checkFile';

// `planmark check --jobs N`: files checked on N threads, this one and N - 1
// workers. Parsing is CPU-bound and single-threaded, so threads are what makes
// many files fast. A worker costs a bundle load and a cold parser, so small
// batches stay on the main thread, where they are faster.

/** The bundled worker (dist/checkWorker.js). Run from the sources (tsx), there is none: jobs run in-process. */
const WORKER = join(__dirname, 'checkWorker.js');

/** Below this much text per worker, a thread's start-up costs more than it saves. */
const CHARS_PER_WORKER = 48 * 1024;

/**
 * Below this much text per thread the run is short, and V8's optimizing compiler
 * (TurboFan) costs more than it saves: compiling and deoptimizing the parser takes
 * longer than running it in the baseline tiers. Measured (CPU time, shared 2-core
 * machine): a 12 KB plan 0.25 → 0.14 s; 65 real plans of 1.1 MB on one thread
 * 4.4 → 4.1 s, on two 6.1 → 4.5 s (each thread compiles for itself); 3.3 MB on one
 * thread 9.3 → 11.4 s, the other way. V8's flags are per process, so this holds for
 * the worker threads too.
 */
const SHORT_RUN_CHARS = 1280 * 1024;

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

/**
 * How many threads `jobs` deserve, at most `limit`, this one included: 0 means run them all
 * on this thread, N > 1 this thread and N - 1 workers.
 */
export function workersFor(jobs: readonly Job[], limit: number): number {
  const chars = jobs.reduce((n, j) => n + j.text.length, 0);
  const useful = Math.min(limit, jobs.length, Math.ceil(chars / CHARS_PER_WORKER));
  return useful > 1 ? useful : 0;
}

/**
 * Runs every job, in parallel when worth it; outcomes are in the jobs' order.
 * `setup`: what the threads share, asked for only when there are workers.
 */
export async function runJobs(
  jobs: readonly Job[],
  limit: number,
  setup: () => Promise<WorkerSetup> = () => Promise.resolve({}),
): Promise<JobOutcome[]> {
  const threads = existsSync(WORKER) ? workersFor(jobs, limit) : 0;
  const chars = jobs.reduce((n, j) => n + j.text.length, 0);
  // Before the workers start, which take the process's flags. Not when node was started
  // with --no-opt: restoring would then turn TurboFan on.
  if (chars / Math.max(1, threads) < SHORT_RUN_CHARS && !optimizerOff && !process.execArgv.includes('--no-opt')) {
    setFlagsFromString('--no-opt');
    optimizerOff = true;
  }
  if (threads === 0) {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) outcomes.push(await runJob(job));
    return outcomes;
  }
  const shared = await setup();
  setUpWorker(shared);
  return runInThreads(jobs, threads - 1, shared);
}

type Reply = { id: number; outcome: JobOutcome } | { id: number; error: string };

/** Jobs a worker is sent ahead, so that it has the next while this thread is busy with its own. */
const AHEAD = 2;

/**
 * This thread and `count` workers take jobs from one queue, largest first (so that one big
 * file does not finish last on its own). This thread starts at once, warm, while the
 * workers load; it lets the workers' replies in between its own jobs.
 */
function runInThreads(jobs: readonly Job[], count: number, workerData: WorkerSetup): Promise<JobOutcome[]> {
  const outcomes = new Array<JobOutcome>(jobs.length);
  const queue = jobs.map((job, id) => ({ job, id })).sort((a, b) => b.job.text.length - a.job.text.length);
  let pending = jobs.length;
  let failed: Error | undefined;
  const pool: Worker[] = [];
  return new Promise<JobOutcome[]>((done, fail) => {
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = error;
      else if (pending > 0) return;
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
        pending--;
        feed(worker);
        finish();
      });
      worker.on('error', finish);
      for (let j = 0; j < AHEAD; j++) feed(worker);
    }
    void (async () => {
      for (let next = queue.shift(); next && !failed; next = queue.shift()) {
        outcomes[next.id] = await runJob(next.job);
        pending--;
        // The workers' replies wait for this thread: let them in, and the workers have more to do.
        await new Promise((resolve) => setImmediate(resolve));
      }
      finish();
    })().catch(finish);
  });
}
