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
}

/** What a sampling worker sends back: progress now and then, then its tally. */
export type WorkerMessage = { readonly kind: 'progress'; readonly done: number } | { readonly kind: 'done'; readonly tally: TallyData };
