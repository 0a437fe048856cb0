import { Worker } from 'node:worker_threads';
import { getBuiltFileUrl } from '../runtime/built-file.js';
import { fromTallyData, mergeTally, createTally, type SampleTally } from './tally.js';
import type { SampleJob, WorkerMessage } from './worker-protocol.js';

/**
 * Splits runs `[0, runs)` into `workers` contiguous shares and samples them in worker threads,
 * then merges the tallies. The result is the same for any number of workers, since each run's
 * generator depends only on the seed and the run's index. `shouldStop` is asked every 50 ms while
 * the workers run; once it returns true they stop and the runs done by then are merged.
 */
export async function sampleInWorkers(
  job: Omit<SampleJob, 'from' | 'to' | 'stopFlag'>,
  runs: number,
  workers: number,
  onProgress?: (done: number) => void,
  shouldStop?: () => boolean,
): Promise<SampleTally> {
  const stopFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(stopFlag);
  const poll = shouldStop && setInterval(() => shouldStop() && Atomics.store(flag, 0, 1), STOP_POLL_MS);
  try {
    return await sampleShares(job, stopFlag, runs, workers, onProgress);
  } finally {
    if (poll) clearInterval(poll);
  }
}

const STOP_POLL_MS = 50;

async function sampleShares(
  job: Omit<SampleJob, 'from' | 'to' | 'stopFlag'>,
  stopFlag: SharedArrayBuffer,
  runs: number,
  workers: number,
  onProgress?: (done: number) => void,
): Promise<SampleTally> {
  const shares = Array.from(
    { length: workers },
    (_, w) => [Math.floor((runs * w) / workers), Math.floor((runs * (w + 1)) / workers)] as const,
  );
  const done = new Array<number>(workers).fill(0);
  const tallies = await Promise.all(
    shares.map(
      ([from, to], w) =>
        new Promise<SampleTally>((resolve, reject) => {
          const worker = new Worker(getBuiltFileUrl(import.meta.url, './sample-worker.js'), {
            workerData: { ...job, from, to, stopFlag } satisfies SampleJob,
          });
          worker.on('message', (message: WorkerMessage) => {
            if (message.kind === 'progress') {
              done[w] = message.done;
              onProgress?.(done.reduce((a, b) => a + b, 0));
            } else {
              resolve(fromTallyData(message.tally));
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`parley: a sampling worker exited with code ${code}`));
          });
        }),
    ),
  );
  const tally = tallies.reduce(mergeTally, createTally(job.model.outcomes.length));
  onProgress?.(tally.runs);
  return tally;
}
