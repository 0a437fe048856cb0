import { compileModel } from '../compile/compiled-model.js';
import { DEFAULT_LIKELIHOOD_WINDOW } from '../engine/rates.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import { getHorizon } from '../explore/explore-scenario.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Start, StartPoint } from '../run/start-point.js';
import { sampleInWorkers } from './sample-in-workers.js';
import { sampleRuns } from './sample-runs.js';
import { summariseTally, type SampleSummary } from './summarise.js';

export interface SampleOptions {
  readonly runs: number;
  readonly seed: string;
  /** Worker threads (default 1: in this thread). The result does not depend on it. */
  readonly workers?: number;
  readonly horizonDays?: number;
  readonly maxEvents?: number;
  readonly onProgress?: (done: number) => void;
}

/** What `parley sample` reports (and prints with `--json`). */
export interface SampleResult extends SampleSummary {
  readonly type: 'sample';
  readonly scenario: string;
  readonly seed: string;
  readonly start: { readonly description: string; readonly point: StartPoint; readonly history: readonly EventId[]; readonly state: JointStateJson };
  readonly horizon: { readonly days: number; readonly endDay: number; readonly maxEvents: number | null; readonly likelihoodWindow: number };
}

/**
 * Estimates by seeded Monte Carlo how likely each outcome is within the horizon, under the same
 * moves and weights as the explorer. The same seed gives the same result for any number of
 * workers.
 */
export async function sampleScenario(model: Model, start: Start, options: SampleOptions): Promise<SampleResult> {
  const horizon = getHorizon(start.joint.day, options);
  const compiled = compileModel(model, start.joint.day, horizon);
  const startKey = compiled.encode(start.joint);
  const workers = Math.max(1, Math.min(options.workers ?? 1, options.runs));
  const tally =
    workers === 1
      ? sampleRuns(compiled, startKey, options.seed, 0, options.runs, options.onProgress)
      : await sampleInWorkers({ model, start: toJointStateJson(model, start.joint), horizon, seed: options.seed }, options.runs, workers, options.onProgress);
  return {
    type: 'sample',
    scenario: model.title,
    seed: options.seed,
    start: { description: start.description, point: start.point, history: start.history, state: toJointStateJson(model, start.joint) },
    horizon: { days: horizon.endDay - start.joint.day + 1, endDay: horizon.endDay, maxEvents: horizon.maxEvents ?? null, likelihoodWindow: model.likelihoodWindow ?? DEFAULT_LIKELIHOOD_WINDOW },
    ...summariseTally(compiled, tally),
  };
}
