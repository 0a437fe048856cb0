import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { ROOT } from '../helpers/scenarios.js';
import type { FuzzCounts } from './fuzz.js';
import type { FuzzAnswer, FuzzJob } from './fuzz-worker.js';

/** Worker threads that check chunks of fuzzed cases side by side. */
export interface FuzzPool {
  /** Checks one chunk on the next free worker; rejects with fast-check's report of a failing case. */
  run(job: Omit<FuzzJob, 'id'>): Promise<FuzzCounts>;
  /** Ends the workers (a chunk still running is abandoned). */
  close(): Promise<void>;
}

/** Workers in a pool: one a core (vitest itself runs one test file at a time), at most 4. */
export const FUZZ_WORKERS = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Starts a pool of worker threads running fuzz-worker.ts. The worker is bundled from the sources
 * by esbuild (with the packages left to node_modules), so that it checks the current sources, as
 * the tests in vitest do, not the build in dist/. Takes a fraction of a second.
 */
export async function startFuzzPool(workers = FUZZ_WORKERS): Promise<FuzzPool> {
  // Under node_modules, so that the bundle's imports of packages resolve.
  const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache-parley-fuzz-'));
  const outfile = join(dir, 'fuzz-worker.mjs');
  await build({
    entryPoints: [join(ROOT, 'test', 'robustness', 'fuzz-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    // A failing case's stack then names the sources.
    sourcemap: 'inline',
  });
  const queue: { job: FuzzJob; resolve: (c: FuzzCounts) => void; reject: (e: Error) => void }[] = [];
  const running = new Map<Worker, (typeof queue)[number]>();
  const idle: Worker[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const task = queue.shift() as (typeof queue)[number];
      running.set(worker, task);
      worker.postMessage(task.job);
    }
  };
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(outfile, { execArgv: ['--enable-source-maps'] });
    worker.on('message', (answer: FuzzAnswer) => {
      const task = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      if ('error' in answer) task?.reject(new Error(answer.error));
      else task?.resolve(answer.counts);
      dispatch();
    });
    // A worker that dies (out of memory, say) fails its chunk, and every chunk after it: the
    // pool does not quietly go on with fewer workers.
    const fail = (error: Error) => {
      if (closed) return;
      running.get(worker)?.reject(error);
      running.delete(worker);
      for (const task of queue.splice(0)) task.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a fuzz worker ended with exit code ${code}`)));
    idle.push(worker);
    return worker;
  });

  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error('the fuzz pool is closed'));
        queue.push({ job: { ...job, id: nextId++ }, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all(pool.map((worker) => worker.terminate()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
