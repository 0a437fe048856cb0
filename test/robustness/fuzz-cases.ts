/**
 * How many fuzzed cases a run checks. By default 13,800: the fixed-seed cases every run (and CI)
 * checks, spread over the targets below. `FUZZ_CASES=N` raises the count for a long run to about
 * N in all, each target keeping its share; it never lowers a target below its default.
 */
export const DEFAULT_FUZZ_CASES = {
  article: 3_500,
  harbour: 3_500,
  tiny: 3_500,
  elmira: 1_500,
  overlay: 1_500,
  cli: 300,
} as const;

const DEFAULT_TOTAL = Object.values(DEFAULT_FUZZ_CASES).reduce((n, c) => n + c, 0);

/**
 * Cases in a test: a test checks one chunk, so that no test's length grows with FUZZ_CASES, and
 * the chunks of a file run in parallel (fuzz-pool.ts).
 */
export const CASES_PER_CHUNK = 250;

/** One test's share of a target's cases: its seed and how many cases it checks. */
export interface FuzzChunk {
  readonly index: number;
  readonly seed: number;
  readonly runs: number;
}

/** Returns the factor FUZZ_CASES sets (at least 1), or throws on a value that is not a count. */
export function getFuzzScale(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.FUZZ_CASES;
  if (value === undefined || value === '') return 1;
  if (!/^\d+$/.test(value)) throw new Error(`FUZZ_CASES=${value}: expected a whole number of cases, such as 100000`);
  return Math.max(1, Number(value) / DEFAULT_TOTAL);
}

/** Returns a target's cases for this run: its default, scaled by FUZZ_CASES. */
export function getFuzzCases(target: keyof typeof DEFAULT_FUZZ_CASES, env: NodeJS.ProcessEnv = process.env): number {
  return Math.ceil(DEFAULT_FUZZ_CASES[target] * getFuzzScale(env));
}

/**
 * Splits `cases` into chunks of at most `size`. Chunk k draws from `seed + k`, so that every run
 * checks the same cases and a failing chunk replays alone. Pure.
 */
export function getFuzzChunks(cases: number, seed: number, size = CASES_PER_CHUNK): FuzzChunk[] {
  return Array.from({ length: Math.ceil(cases / size) }, (_, index) => ({
    index,
    seed: seed + index,
    runs: Math.min(size, cases - index * size),
  }));
}
