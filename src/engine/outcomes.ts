import { compileCondition } from '../model/evaluate-condition.js';
import type { OutcomeId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { getJointView, type JointState } from './joint-state.js';

/** Returns the outcomes whose condition holds in the joint state, in the model's order. Pure. */
export function getHoldingOutcomes(model: Model, joint: JointState): OutcomeId[] {
  const view = getJointView(model, joint);
  return model.outcomes.filter((o) => compileCondition(o.when)(view)).map((o) => o.id);
}
