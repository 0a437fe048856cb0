import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { getBuiltFileUrl } from '../runtime/built-file.js';
import type { RunSampler } from './sample-runs.js';
import { SharedRuns, createSharedRunsMemory } from './shared-runs.js';
import { fromTallyData, mergeTally, type SampleTally } from './tally.js';
import type { SampleJob, WorkerMessage } from './worker-protocol.js';

/**
 * Samples runs `[0, runs)` on `threads` threads: this one (with the sampler of the same question
 * that `createHere` makes, once the workers are started) and `threads - 1` worker threads, each taking chunks of runs from `SharedRuns` as it
 * gets to them, then merges the tallies. This thread starts at once, while the workers load and
 * compile the model, and lets the event loop turn between its chunks (a few milliseconds each),
 * so that progress, the workers' messages and the stop poll get through. Once every run is done,
 * a worker that has done none (still starting) is not waited for. The result is the same for any
 * number of threads, since each run's generator depends only on the seed and the run's index.
 * `shouldStop` is asked every 50 ms; once it returns true every thread stops and the runs done by
 * then are merged.
 */
export async function sampleInWorkers(
  job: Omit<SampleJob, 'runs' | 'memory'>,
  createHere: () => RunSampler,
  runs: number,
  threads: number,
  onProgress?: (done: number) => void,
  shouldStop?: () => boolean,
): Promise<SampleTally> {
  const shared = new SharedRuns(createSharedRunsMemory(), runs);
  const poll = shouldStop && setInterval(() => shouldStop() && shared.stop(), STOP_POLL_MS);
  const workers: SamplingWorker[] = [];
  let doneHere = 0;
  const doneInAll = () => workers.reduce((sum, w) => sum + w.done, doneHere);
  let wake: (() => void) | undefined;
  let over = false;
  const heard = () => {
    if (over) return;
    onProgress?.(doneInAll());
    wake?.();
  };
  try {
    for (let w = 1; w < threads; w++) workers.push(startWorker({ ...job, runs, memory: shared.memory }, heard));
    // A worker that fails stops the others; its error is thrown below.
    for (const worker of workers) worker.tally.catch(() => shared.stop());
    const here = createHere();
    // This thread asks `shouldStop` itself too: the poll above runs only between its chunks, and a
    // chunk of long runs (a horizon of many days) can take seconds.
    const stopAsked = () => shared.stopAsked() || (shouldStop?.() === true && (shared.stop(), true));
    for (let from = shared.take(); from >= 0; from = shared.take()) {
      doneHere += here.sample(from, shared.chunkEnd(from), undefined, stopAsked);
      onProgress?.(doneInAll());
      await nextTurn();
    }
    // Every chunk is taken: the workers holding one report it done. Once every run is done, a
    // worker that has done none holds none (it is still starting) and is let go.
    while (doneInAll() < runs && !shared.stopAsked()) await new Promise<void>((resolve) => (wake = resolve));
    const allDone = doneInAll() === runs;
    const tallies = await Promise.all(workers.map((w) => (allDone && w.done === 0 ? w.letGo() : w.tally)));
    const tally = tallies.reduce<SampleTally>((into, t) => (t ? mergeTally(into, t) : into), here.tally);
    onProgress?.(tally.runs);
    return tally;
  } catch (error) {
    shared.stop();
    await Promise.allSettled(workers.map((w) => w.letGo()));
    throw error;
  } finally {
    over = true;
    if (poll) clearInterval(poll);
  }
}

const STOP_POLL_MS = 50;

/** A worker thread sampling chunks of runs, as this thread sees it. */
interface SamplingWorker {
  /** The runs it has reported done. */
  readonly done: number;
  /** Its tally, once it has sent it; rejects if it fails. */
  readonly tally: Promise<SampleTally>;
  /** Ends the thread without waiting for its tally: resolves to null. */
  letGo(): Promise<null>;
}

/** Starts a worker thread on the job; `heard` is called after each of its messages, and if it fails. */
function startWorker(job: SampleJob, heard: () => void): SamplingWorker {
  const worker = new Worker(getBuiltFileUrl(import.meta.url, './sample-worker.js'), { workerData: job });
  let lettingGo = false;
  const state = {
    done: 0,
    tally: new Promise<SampleTally>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') state.done = m.done;
        else resolve(fromTallyData(m.tally));
        heard();
      });
      worker.on('error', (error) => {
        reject(error);
        heard();
      });
      worker.on('exit', (code) => {
        // (After its tally, this changes nothing.)
        if (!lettingGo)
          reject(new Error(`parley: a sampling worker exited with code ${code} before sending its tally`));
        heard();
      });
    }),
    letGo: async () => {
      lettingGo = true;
      await worker.terminate();
      return null;
    },
  };
  return state;
}
