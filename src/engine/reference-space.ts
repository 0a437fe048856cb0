import type { JointView } from '../model/condition.js';
import { compileCondition, holds } from '../model/evaluate-condition.js';
import type { Model, ScenarioEvent } from '../model/model.js';
import type { Horizon } from './horizon.js';
import { getJointView, type JointState } from './joint-state.js';
import { getHypotheticalEventsInMoveOrder } from './move-order.js';
import { DAY_PASSES } from './move.js';
import type { MoveSink, StateSpace } from './next-moves.js';
import { getJointStateKey } from './serialise.js';
import { step } from './step.js';

/** A joint state, with the number of hypothetical events that led to it from where a question starts. */
export interface ReferenceState {
  readonly joint: JointState;
  readonly eventsSoFar: number;
}

const UNCHANGED: ReferenceState = Object.freeze({
  joint: Object.freeze({ day: Number.NaN, facts: Object.freeze({}), parties: Object.freeze({}) }),
  eventsSoFar: -1,
});

/**
 * Returns the reference state space of a model: every fact about a state read with the plain
 * condition evaluator, every successor made by the one `step` (xstate's pure `transition`), and
 * "changes nothing" judged by canonical keys. The compiled tables must agree with it (the
 * conformance suite checks every explored state). Slow and plain, on purpose.
 */
export function createReferenceSpace(model: Model, horizon: Horizon): StateSpace<ReferenceState> {
  return new ReferenceSpace(model, horizon);
}

class ReferenceSpace implements StateSpace<ReferenceState> {
  readonly events: readonly ScenarioEvent[];
  readonly eventCount: number;
  readonly urgentEvents: readonly number[];
  readonly outcomeCount: number;
  readonly unchanged = UNCHANGED;
  private state: ReferenceState = UNCHANGED;
  private view: JointView | null = null;
  private key = '';

  constructor(
    private readonly model: Model,
    readonly horizon: Horizon,
  ) {
    this.events = getHypotheticalEventsInMoveOrder(model);
    this.eventCount = this.events.length;
    this.urgentEvents = this.events.flatMap((e, i) => (e.urgent ? [i] : []));
    this.outcomeCount = model.outcomes.length;
  }

  load(state: ReferenceState): void {
    this.state = state;
    this.view = getJointView(this.model, state.joint);
    this.key = getJointStateKey(this.model, state.joint);
  }

  day(): number {
    return this.state.joint.day;
  }

  eventsSoFar(): number {
    return this.state.eventsSoFar;
  }

  requiresHolds(event: number): boolean {
    return holds(this.eventAt(event).requires, this.view as JointView);
  }

  urgentHolds(event: number): boolean {
    const urgent = this.eventAt(event).urgent;
    return urgent !== undefined && compileCondition(urgent)(this.view as JointView);
  }

  afterEvent(event: number): ReferenceState {
    const next = step(this.model, this.state.joint, this.eventAt(event).id);
    if (getJointStateKey(this.model, next) === this.key) return UNCHANGED;
    return { joint: next, eventsSoFar: this.state.eventsSoFar + 1 };
  }

  forEachChangingEvent(sink: MoveSink<ReferenceState>): void {
    for (let e = 0; e < this.eventCount; e++) {
      if (!this.requiresHolds(e)) continue;
      const next = this.afterEvent(e);
      if (next !== UNCHANGED) sink.addMove(e, next);
    }
  }

  afterDay(): ReferenceState {
    return { joint: step(this.model, this.state.joint, DAY_PASSES), eventsSoFar: this.state.eventsSoFar };
  }

  outcomeHolds(outcome: number): boolean {
    const o = this.model.outcomes[outcome];
    if (!o) throw new Error(`parley: no outcome number ${outcome}`);
    return compileCondition(o.when)(this.view as JointView);
  }

  private eventAt(event: number): ScenarioEvent {
    const e = this.events[event];
    if (!e) throw new Error(`parley: no hypothetical event number ${event}`);
    return e;
  }
}
