import { describeHorizon, type HorizonOptions, type HorizonReport } from '../engine/horizon.js';
import { getLikelihoodWindow } from '../engine/next-moves.js';
import { toJointStateJson } from '../engine/serialise.js';
import { openQuestion, type Question } from '../compile/question.js';
import type { Model } from '../model/model.js';
import { describeStart, type Start, type StartReport } from '../run/start-point.js';
import { sampleInWorkers } from './sample-in-workers.js';
import { CHUNK_RUNS } from './shared-runs.js';
import { RunSampler, sampleRuns } from './sample-runs.js';
import { summariseTally, type SampleSummary } from './summarise.js';
import type { SampleTally } from './tally.js';

/** How many runs to sample, from which seed, within which horizon. */
export interface SampleOptions extends HorizonOptions {
  /** The number of runs. */
  readonly runs: number;
  /** The seed: run i draws from its own generator seeded with `seed/i`. */
  readonly seed: string;
  /** Threads that sample (default 1: this one alone; with k, this one and k - 1 worker threads). The result does not depend on it. */
  readonly workers?: number;
  readonly onProgress?: (done: number) => void;
  /** Asked now and then; once it returns true, sampling ends with the runs done so far (`stopped`). */
  readonly shouldStop?: () => boolean;
}

/** What `parley sample` reports (and prints with `--json`). */
export interface SampleResult extends SampleSummary {
  /** Always 'sample': what the JSON is. */
  readonly type: 'sample';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** The seed, as text: the same seed gives the same result, whatever the number of workers. */
  readonly seed: string;
  /** The runs asked for; `runs` is fewer only when `stopped`. */
  readonly requestedRuns: number;
  /**
   * True when `shouldStop` ended sampling early. Which runs were done then depends on timing, so a
   * stopped result is not reproducible; every run in it is, from the seed and its index.
   */
  readonly stopped: boolean;
  /** Where every run starts: in words, as asked, the timeline events replayed to it, and the joint state there. */
  readonly start: StartReport;
  /** How far ahead the runs go, and the scenario's likelihood window in days (default 7). */
  readonly horizon: HorizonReport & { readonly likelihoodWindow: number };
}

/**
 * Estimates by seeded Monte Carlo how likely each outcome is within the horizon, under the same
 * moves and rates as the explorer. Pure given the seed (apart from `onProgress`): the same seed
 * gives the same result for any number of workers. Cost: the runs' moves, shared among the
 * threads (see `sampleInWorkers`): with more than one, this thread samples too, a chunk at a time
 * between turns of the event loop.
 */
export async function sampleScenario(model: Model, start: Start, options: SampleOptions): Promise<SampleResult> {
  // More threads than chunks of runs would have nothing to do.
  const workers = Math.max(1, Math.min(options.workers ?? 1, Math.ceil(options.runs / CHUNK_RUNS)));
  if (workers === 1) return sampleScenarioInThread(model, start, options);
  const question = openQuestion(model, start, options);
  const { compiled } = question;
  const tally = await sampleInWorkers(
    { model, start: toJointStateJson(model, start.joint), horizon: question.horizon, seed: options.seed },
    () => new RunSampler(compiled, compiled.encode(start.joint), options.seed),
    options.runs,
    workers,
    options.onProgress,
    options.shouldStop,
  );
  return toResult(question, options, tally);
}

/** The same, in this thread and synchronously (`workers` is ignored). Pure given the seed (apart from `onProgress`). */
export function sampleScenarioInThread(model: Model, start: Start, options: SampleOptions): SampleResult {
  const question = openQuestion(model, start, options);
  const { compiled } = question;
  const tally = sampleRuns(
    compiled,
    compiled.encode(start.joint),
    options.seed,
    0,
    options.runs,
    options.onProgress,
    options.shouldStop,
  );
  return toResult(question, options, tally);
}

function toResult(
  { model, start, horizon, compiled }: Question,
  options: SampleOptions,
  tally: SampleTally,
): SampleResult {
  return {
    type: 'sample',
    scenario: model.title,
    seed: options.seed,
    requestedRuns: options.runs,
    stopped: tally.runs < options.runs,
    start: describeStart(model, start),
    horizon: { ...describeHorizon(horizon, start.joint.day), likelihoodWindow: getLikelihoodWindow(model) },
    ...summariseTally(compiled, tally),
  };
}
