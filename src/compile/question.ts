import { getHorizon, type Horizon, type HorizonOptions } from '../engine/horizon.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';
import { compileModel, type CompiledModel } from './compiled-model.js';

/** A question set up: where it starts, how far it looks, and the model compiled for that span. */
export interface Question {
  readonly model: Model;
  readonly start: Start;
  readonly horizon: Horizon;
  readonly compiled: CompiledModel;
}

/**
 * Sets a question up, the first half of the one pipeline every tool uses: from the start, the
 * horizon (`getHorizon`), then the model compiled for it. The explorer goes on with
 * `exploreQuestion`; the sampler draws runs on the compiled model. Pure; costs one compilation.
 */
export function openQuestion(model: Model, start: Start, options: HorizonOptions): Question {
  const horizon = getHorizon(start.joint.day, options);
  return { model, start, horizon, compiled: compileModel(model, start.joint.day, horizon) };
}
