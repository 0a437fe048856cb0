import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFuzzCounts, createFuzzCounts, type FuzzCounts } from './fuzz.js';
import { getFuzzChunks } from './fuzz-cases.js';
import { startFuzzPool, type FuzzPool } from './fuzz-pool.js';

/** A scenario text to fuzz: what it is called in the counts, the file it is checked as, its cases. */
export interface FuzzTarget {
  readonly name: string;
  readonly text: string;
  readonly file: string;
  readonly cases: number;
  readonly seed: number;
  /** The directory the file is checked in, so that an `extends` is read (an overlay). */
  readonly dir?: string;
  /** A check on every chunk's counts besides the sum. */
  readonly check?: (counts: FuzzCounts) => void;
}

/**
 * Starts a fuzz pool for the tests of this file (ended after them) and returns a getter for it.
 */
export function useFuzzPool(): () => FuzzPool {
  let pool: FuzzPool | undefined;
  beforeAll(async () => {
    pool = await startFuzzPool();
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => pool as FuzzPool;
}

/**
 * Defines one test per chunk of a target's cases, run side by side on the pool; each checks that
 * every case of its chunk ends cleanly (fuzz.ts) and that none is missing. Logs the counts by
 * class once every chunk is done (the README's table is made from them).
 */
export function describeFuzzTarget(target: FuzzTarget, pool: () => FuzzPool, title: string): void {
  const total = createFuzzCounts();
  let done = 0;
  describe.concurrent(title, () => {
    const chunks = getFuzzChunks(target.cases, target.seed);
    it.each(
      chunks.map(
        (chunk) =>
          [`chunk ${chunk.index + 1} of ${chunks.length} (seed ${chunk.seed}, ${chunk.runs} cases)`, chunk] as const,
      ),
    )('%s', async (_name, { seed, runs }) => {
      const counts = await pool().run({ text: target.text, file: target.file, runs, seed, dir: target.dir });
      expect(Object.values(counts).reduce((n, c) => n + c.ok + c.diagnostic, 0)).toBe(runs);
      target.check?.(counts);
      addFuzzCounts(total, counts);
      done += runs;
    });
    afterAll(() => {
      if (done > 0) console.log(`fuzz counts (${target.name}, ${done} cases): ${JSON.stringify(total)}`);
    });
  });
}
