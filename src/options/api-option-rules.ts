import { availableParallelism } from 'node:os';
import * as z from 'zod';
import { CONCEPTS } from '../analysis/gmcr/solution-concepts.js';
import {
  BOOLEAN,
  FUNCTION,
  SEED,
  oneOf,
  wholeNumberAtLeast,
  wholeNumberBetween,
  type OptionRule,
} from './option-rules.js';
import { DAYS, FROM, MAX_HORIZON_DAYS, PATH, QUESTION_OPTIONS, WITHIN, WITHOUT } from './question-option-rules.js';
import { formatCount } from '../report/render-path.js';
import type { OptionRules } from './validate-options.js';

// The options of each library function, in one place: each function checks its caller's options
// against its own rules before it starts.

const IDS: OptionRule = { expected: 'a list of ids (strings)', schema: z.array(z.string().min(1)) };

/** `LOW-HIGH` as a pair: whole numbers of days with 1 <= LOW <= HIGH <= `MAX_HORIZON_DAYS`, as `--window-range 3-14`. */
const DAY_RANGE: OptionRule = {
  expected: `a pair [LOW, HIGH] of whole numbers of days with 1 <= LOW <= HIGH <= ${formatCount(MAX_HORIZON_DAYS)}`,
  schema: z.tuple([DAYS.schema, DAYS.schema]).refine(([low, high]) => (low as number) <= (high as number)),
};

export const EXPLORE_OPTIONS: OptionRules = { ...QUESTION_OPTIONS, path: PATH };

export const WHY_OPTIONS: OptionRules = { ...QUESTION_OPTIONS, maxSetSize: wholeNumberAtLeast(1), path: PATH };

export const CHECK_OPTIONS: OptionRules = { ...QUESTION_OPTIONS, path: PATH };

export const STABILITY_OPTIONS: OptionRules = {
  ...QUESTION_OPTIONS,
  concepts: { expected: `a list of concepts (${CONCEPTS.join(', ')})`, schema: z.array(z.enum(CONCEPTS)) },
  coalitions: {
    expected: 'a list of coalitions (each a list of party ids), or "all"',
    schema: z.union([z.literal('all'), z.array(z.array(z.string().min(1)))]),
  },
  at: {
    expected: 'a position: { stances: { party: stance }, facts: { fact: value } }',
    schema: z.object({ stances: z.record(z.string(), z.string()), facts: z.record(z.string(), z.unknown()) }),
  },
  allStates: BOOLEAN,
};

export const SENSITIVITY_OPTIONS: OptionRules = {
  ...QUESTION_OPTIONS,
  outcomes: IDS,
  windowRange: DAY_RANGE,
  horizonRange: DAY_RANGE,
};

export const GRAPH_OPTIONS: OptionRules = {
  ...QUESTION_OPTIONS,
  format: oneOf(['mermaid', 'dot']),
  joint: BOOLEAN,
  maxNodes: wholeNumberAtLeast(1),
};

export const ABLATE_OPTIONS: OptionRules = { ...QUESTION_OPTIONS, outcomes: IDS };

/**
 * The threads a sample may run for each core of this machine. More threads than cores sample no
 * faster, and each takes about 13 MB of its own: `--workers 1000` once took over 4 GB.
 */
export const WORKERS_PER_CORE = 2;

/** The most threads a sample may run at once on this machine: `WORKERS_PER_CORE` for each of its cores. */
export const MAX_WORKERS = WORKERS_PER_CORE * availableParallelism();

export const RUNS = wholeNumberAtLeast(1);

/** `workers`, `--workers`: from 1 to `MAX_WORKERS`, the message saying why the most is what it is. */
export const WORKERS: OptionRule = {
  ...wholeNumberBetween(1, MAX_WORKERS),
  expected: `${wholeNumberBetween(1, MAX_WORKERS).expected} (${WORKERS_PER_CORE} for each core of this machine)`,
};

export const SAMPLE_OPTIONS: OptionRules = {
  runs: RUNS,
  seed: SEED,
  workers: WORKERS,
  from: FROM,
  without: WITHOUT,
  within: WITHIN,
  onProgress: FUNCTION,
  shouldStop: FUNCTION,
};

export const RUN_OPTIONS: OptionRules = {
  trace: { expected: "a trace file's path", schema: z.string().min(1) },
  moves: { expected: 'a list of moves (event ids and "+1 day")', schema: z.array(z.string().min(1)) },
  from: FROM,
  without: WITHOUT,
};
