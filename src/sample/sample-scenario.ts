import { compileModel, type CompiledModel } from '../compile/compiled-model.js';
import { DEFAULT_LIKELIHOOD_WINDOW } from '../engine/rates.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import { getHorizon } from '../explore/explore-scenario.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Start, StartPoint } from '../run/start-point.js';
import { sampleInWorkers } from './sample-in-workers.js';
import { sampleRuns } from './sample-runs.js';
import { summariseTally, type SampleSummary } from './summarise.js';
import type { SampleTally } from './tally.js';

export interface SampleOptions {
  readonly runs: number;
  readonly seed: string;
  /** Worker threads (default 1: in this thread). The result does not depend on it. */
  readonly workers?: number;
  readonly horizonDays?: number;
  readonly maxEvents?: number;
  readonly onProgress?: (done: number) => void;
  /** Asked now and then; once it returns true, sampling ends with the runs done so far (`stopped`). */
  readonly shouldStop?: () => boolean;
}

/** What `parley sample` reports (and prints with `--json`). */
export interface SampleResult extends SampleSummary {
  readonly type: 'sample';
  readonly scenario: string;
  readonly seed: string;
  /** The runs asked for; `runs` is fewer only when `stopped`. */
  readonly requestedRuns: number;
  /**
   * True when `shouldStop` ended sampling early. Which runs were done then depends on timing, so a
   * stopped result is not reproducible; every run in it is, from the seed and its index.
   */
  readonly stopped: boolean;
  readonly start: {
    readonly description: string;
    readonly point: StartPoint;
    readonly history: readonly EventId[];
    readonly state: JointStateJson;
  };
  readonly horizon: {
    readonly days: number;
    readonly endDay: number;
    readonly maxEvents: number | null;
    readonly likelihoodWindow: number;
  };
}

/**
 * Estimates by seeded Monte Carlo how likely each outcome is within the horizon, under the same
 * moves and weights as the explorer. The same seed gives the same result for any number of
 * workers.
 */
export async function sampleScenario(model: Model, start: Start, options: SampleOptions): Promise<SampleResult> {
  const workers = Math.max(1, Math.min(options.workers ?? 1, options.runs));
  if (workers === 1) return sampleScenarioInThread(model, start, options);
  const horizon = getHorizon(start.joint.day, options);
  const compiled = compileModel(model, start.joint.day, horizon);
  const tally = await sampleInWorkers(
    { model, start: toJointStateJson(model, start.joint), horizon, seed: options.seed },
    options.runs,
    workers,
    options.onProgress,
    options.shouldStop,
  );
  return toResult(model, start, options, compiled, tally);
}

/** The same, in this thread and synchronously (`workers` is ignored). */
export function sampleScenarioInThread(model: Model, start: Start, options: SampleOptions): SampleResult {
  const horizon = getHorizon(start.joint.day, options);
  const compiled = compileModel(model, start.joint.day, horizon);
  const tally = sampleRuns(
    compiled,
    compiled.encode(start.joint),
    options.seed,
    0,
    options.runs,
    options.onProgress,
    options.shouldStop,
  );
  return toResult(model, start, options, compiled, tally);
}

function toResult(
  model: Model,
  start: Start,
  options: SampleOptions,
  compiled: CompiledModel,
  tally: SampleTally,
): SampleResult {
  const horizon = compiled.horizon;
  return {
    type: 'sample',
    scenario: model.title,
    seed: options.seed,
    requestedRuns: options.runs,
    stopped: tally.runs < options.runs,
    start: {
      description: start.description,
      point: start.point,
      history: start.history,
      state: toJointStateJson(model, start.joint),
    },
    horizon: {
      days: horizon.endDay - start.joint.day + 1,
      endDay: horizon.endDay,
      maxEvents: horizon.maxEvents ?? null,
      likelihoodWindow: model.likelihoodWindow ?? DEFAULT_LIKELIHOOD_WINDOW,
    },
    ...summariseTally(compiled, tally),
  };
}
