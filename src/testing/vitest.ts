/**
 * parley's Vitest matchers. Importing this module registers them with `expect.extend` and extends
 * Vitest's types, so editors complete them:
 *
 * ```ts
 * import 'parley/vitest';
 * expect(scenario).toReachOutcome('trilateral-summit', { within: 30 });
 * ```
 */
import { expect } from 'vitest';
import * as matchers from './matchers.js';
import type { ProbabilityOptions, ReachOptions } from './matchers.js';
import { toHaveNoInertElements, type InertOptions } from './inert-matcher.js';
import { toBeStable, type StableOptions } from './stability-matcher.js';
import type { Concept } from '../analysis/stability.js';
import type { JointState } from '../engine/joint-state.js';

export type { ProbabilityOptions, ReachOptions } from './matchers.js';
export type { InertOptions } from './inert-matcher.js';
export type { StableOptions } from './stability-matcher.js';

/** The matchers parley adds to `expect(...)`. */
export interface ParleyMatchers<R = unknown> {
  /** Some path from the start reaches the outcome within the horizon. */
  toReachOutcome(outcome: string, options?: ReachOptions): R;
  /** No path reaches the outcome within the horizon, proven by an exhaustive search. */
  toNeverReachOutcome(outcome: string, options?: ReachOptions): R;
  /** Some path reaches the outcome after taking these events in this order (other moves may come between). */
  toReachOutcomeVia(outcome: string, events: readonly string[], options?: ReachOptions): R;
  /** On a joint state (`run(scenario).at(step)`): the party is in this stance. */
  toBeInStance(party: string, stance: string): R;
  /** The probability of reaching the outcome within the horizon (or, `atEnd`, of its holding at the end) is within bounds, exactly or sampled. */
  toHaveOutcomeProbability(outcome: string, options: ProbabilityOptions): R;
  /** Every path to the outcome takes this hypothetical event. */
  toRequireEvent(outcome: string, event: string, options?: ReachOptions): R;
  /** Removing any one modelling element changes some outcome, or the scenario's `notes` say why it stays (as `parley ablate`). */
  toHaveNoInertElements(options?: InertOptions): R;
  /** A position (an outcome's first, or a joint state) is stable under a Graph Model concept (default Nash) for every party with preferences, or `options.party`. */
  toBeStable(where: string | JointState, concept?: Concept | Uppercase<Concept>, options?: StableOptions): R;
}

/**
 * `toSatisfy` with a query string; Vitest's own `toSatisfy(predicate)` keeps working, since
 * parley's matcher hands a function to the predicate form.
 */
type ParleyToSatisfy = (query: string, options?: ReachOptions) => void;

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends ParleyMatchers<void> {}
  // The asymmetric forms, `expect.toReachOutcome('deal')` inside `toEqual` and the like.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends ParleyMatchers {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Assertion<T = any> {
    /** A query (`eventually A`, `never A`, `always A`, `A before B`, `within N days`, joined by `and`) holds; or Vitest's predicate form. */
    toSatisfy: ParleyToSatisfy & ((matcher: (value: T) => boolean, message?: string) => void);
  }
}

expect.extend({
  toReachOutcome(received: unknown, outcome: string, options?: ReachOptions) {
    return matchers.toReachOutcome(received, outcome, options, this.isNot);
  },
  toNeverReachOutcome(received: unknown, outcome: string, options?: ReachOptions) {
    return matchers.toNeverReachOutcome(received, outcome, options, this.isNot);
  },
  toReachOutcomeVia(received: unknown, outcome: string, events: readonly string[], options?: ReachOptions) {
    return matchers.toReachOutcomeVia(received, outcome, events, options, this.isNot);
  },
  toBeInStance(received: unknown, party: string, stance: string) {
    return matchers.toBeInStance(received, party, stance);
  },
  toHaveOutcomeProbability(received: unknown, outcome: string, options: ProbabilityOptions) {
    return matchers.toHaveOutcomeProbability(received, outcome, options, this.isNot);
  },
  toRequireEvent(received: unknown, outcome: string, event: string, options?: ReachOptions) {
    return matchers.toRequireEvent(received, outcome, event, options, this.isNot);
  },
  toHaveNoInertElements(received: unknown, options?: InertOptions) {
    return toHaveNoInertElements(received, options, this.isNot);
  },
  toBeStable(received: unknown, where: string | JointState, concept?: string, options?: StableOptions) {
    return toBeStable(received, where, concept, options, this.isNot);
  },
  toSatisfy(received: unknown, query: string | ((value: unknown) => boolean), options?: ReachOptions | string) {
    if (typeof query === 'function') {
      // Vitest's own form: a predicate and an optional message.
      const pass = query(received);
      return {
        pass,
        message: () =>
          typeof options === 'string'
            ? options
            : `expected ${this.utils.printReceived(received)} ${this.isNot ? 'not ' : ''}to satisfy ${query.name || 'the predicate'}`,
      };
    }
    return matchers.toSatisfy(received, query, typeof options === 'object' ? options : undefined, this.isNot);
  },
});
