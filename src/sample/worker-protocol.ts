import type { Horizon } from '../engine/horizon.js';
import type { JointStateJson } from '../engine/serialise.js';
import type { Model } from '../model/model.js';
import type { TallyData } from './tally.js';

/** What a sampling worker is asked to do: take chunks of runs `[0, runs)` of a seed from a start state, as `SharedRuns` hands them out. */
export interface SampleJob {
  readonly model: Model;
  readonly start: JointStateJson;
  readonly horizon: Horizon;
  readonly seed: string;
  readonly runs: number;
  /** The memory of `SharedRuns`: the next chunk, and the flag asking to stop (a worker busy sampling reads no messages). */
  readonly memory: SharedArrayBuffer;
}

/** What a sampling worker sends back: the runs it has done after each chunk, then its tally. */
export type WorkerMessage =
  { readonly kind: 'progress'; readonly done: number } | { readonly kind: 'done'; readonly tally: TallyData };
