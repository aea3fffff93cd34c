import { parentPort, workerData } from 'node:worker_threads';
import { runJob, setUpWorker, type Job, type WorkerSetup } from './checkFile';

// A worker thread of `planmark check --jobs N` (see parallel.ts): checks the
// files it is sent, one at a time, and answers with plain-data outcomes.

const port = parentPort;
if (!port) throw new Error('checkWorker runs as a worker thread of planmark check');
setUpWorker(workerData as WorkerSetup);

port.on('message', ({ id, job }: { id: number; job: Job }) => {
  runJob(job).then(
    (outcome) => port.postMessage({ id, outcome }),
    (error: unknown) =>
      port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
