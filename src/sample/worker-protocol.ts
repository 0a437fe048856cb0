import type { Horizon } from '../engine/horizon.js';
import type { JointStateJson } from '../engine/serialise.js';
import type { Model } from '../model/model.js';
import type { TallyData } from './tally.js';

/** What a sampling worker is asked to do: runs `from` to `to` of a seed, from a start state. */
export interface SampleJob {
  readonly model: Model;
  readonly start: JointStateJson;
  readonly horizon: Horizon;
  readonly seed: string;
  readonly from: number;
  readonly to: number;
  /** One Int32 that the main thread sets to 1 to ask the worker to stop early (shared memory: a worker busy sampling reads no messages). */
  readonly stopFlag: SharedArrayBuffer;
}

/** What a sampling worker sends back: progress now and then, then its tally. */
export type WorkerMessage =
  { readonly kind: 'progress'; readonly done: number } | { readonly kind: 'done'; readonly tally: TallyData };
