import { parentPort } from 'node:worker_threads';
import { fuzzScenario, type FuzzCounts } from './fuzz.js';

/** A chunk of fuzzing for a worker: the text to mutate and the file it is checked as. */
export interface FuzzJob {
  readonly id: number;
  readonly text: string;
  readonly file: string;
  readonly runs: number;
  readonly seed: number;
  readonly dir?: string;
}

/** A worker's answer: the counts, or the failure fast-check found (shrunk) as its message. */
export type FuzzAnswer =
  { readonly id: number; readonly counts: FuzzCounts } | { readonly id: number; readonly error: string };

// Bundled by fuzz-pool.ts and run in a worker thread: one chunk at a time, as they come.
parentPort?.on('message', (job: FuzzJob) => {
  let answer: FuzzAnswer;
  try {
    answer = { id: job.id, counts: fuzzScenario(job.text, job.file, job.runs, job.seed, job.dir) };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(answer);
});
