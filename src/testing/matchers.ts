import { explore } from '../api/explore.js';
import { getQuestionSettings, getQuestionStart, toHorizonOptions, type QuestionOptions } from '../api/start.js';
import { describeHorizon } from '../engine/horizon.js';
import type { JointState } from '../engine/joint-state.js';
import { exploreFrom } from '../explore/exploration.js';
import { outcomeHolds } from '../explore/state-graph.js';
import { findPathThrough } from '../explore/find-path-through.js';
import type { EventId } from '../model/ids.js';
import { describePath } from '../run/path-steps.js';
import { searchOutcome } from '../analysis/search-outcome.js';
import { withoutEvents } from '../analysis/model-variants.js';
import { checkQuery } from '../query/check-query.js';
import { sampleScenarioInThread } from '../sample/sample-scenario.js';
import { formatCount } from '../report/render-path.js';
import { DEFAULT_DIGITS, formatProbabilityApart } from '../report/format-probability.js';
import { describeEvidence } from '../report/describe-evidence.js';
import { describeClauseProbability } from '../report/describe-clause-probability.js';
import type { PathKind } from '../explore/witness-path.js';
import { getWilsonInterval } from '../sample/wilson.js';
import {
  describeExtent,
  describeGraphExtent,
  describePathSteps,
  describeOutcomePath,
  describeProbability,
  describeValue,
  describeSearch,
  describeStartAndHorizon,
} from './messages.js';
import { getOutcomeIndex } from '../api/outcome-lookup.js';
import { assertScenario } from './assert-scenario.js';
import { assertHypotheticalEvent } from '../api/hypothetical-event.js';
import { didYouMean } from '../model/suggest.js';
import { OptionError } from '../analysis/option-error.js';
import { validateOptions } from '../options/validate-options.js';
import { PROBABILITY_OPTIONS, REACH_OPTIONS } from '../options/question-option-rules.js';
import { plural } from '../report/plural.js';

/** What a matcher returns to Vitest: pass, and the message for when the assertion fails. */
export interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

/** What the reachability matchers take: where the question starts, how far it looks, how much it may search, and the path a failure shows. */
export type ReachOptions = Pick<QuestionOptions, 'from' | 'without' | 'within' | 'maxStates'> & {
  /** The path a failure message shows: `shortest` (default) or `likeliest`, each with its exact probability. */
  readonly path?: PathKind;
};

/** The question a matcher's options ask (where from, how far, how much to search, which path), without its own options. */
export function getQuestion(options: ReachOptions): ReachOptions {
  const { from, without, within, maxStates, path } = options;
  return {
    ...(from !== undefined && { from }),
    ...(without !== undefined && { without }),
    ...(within !== undefined && { within }),
    ...(maxStates !== undefined && { maxStates }),
    ...(path !== undefined && { path }),
  };
}

/**
 * Whether the outcome can be reached. A search cut short that did not find it decides nothing:
 * both `toReachOutcome` and `.not.toReachOutcome` then fail, saying so.
 */
export function toReachOutcome(
  received: unknown,
  outcome: string,
  options: ReachOptions = {},
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toReachOutcome');
  validateOptions('toReachOutcome', options, REACH_OPTIONS);
  const result = explore(received, getQuestion(options));
  const o = result.outcomes[getOutcomeIndex(received, outcome)];
  if (!o) throw new Error('parley: no result for this outcome');
  const reached = o.status === 'reachable' || o.status === 'holds-at-start';
  if (!reached && o.status === 'not-found') {
    return {
      pass: isNot,
      message: () =>
        `cannot tell whether "${outcome}" is reachable ${describeSearch(result)}: not found in ${describeExtent(result)}; raise maxStates`,
    };
  }
  return {
    pass: reached,
    message: () =>
      reached
        ? `expected "${outcome}" not to be reachable ${describeSearch(result)}, but it is (${describeProbability(o)}); ${describeOutcomePath(o)}`
        : `expected "${outcome}" to be reachable ${describeSearch(result)}, but ${describeExtent(result)} found no path to it`,
  };
}

/**
 * Whether the outcome can never be reached: proven only by an exhaustive search. A search cut
 * short fails both `toNeverReachOutcome` and `.not.toNeverReachOutcome`, saying so.
 */
export function toNeverReachOutcome(
  received: unknown,
  outcome: string,
  options: ReachOptions = {},
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toNeverReachOutcome');
  validateOptions('toNeverReachOutcome', options, REACH_OPTIONS);
  const result = explore(received, getQuestion(options));
  const o = result.outcomes[getOutcomeIndex(received, outcome)];
  if (!o) throw new Error('parley: no result for this outcome');
  if (o.status === 'not-found') {
    return {
      pass: isNot,
      message: () =>
        `cannot prove that "${outcome}" is never reached ${describeSearch(result)}: ${describeExtent(result)} did not finish; raise maxStates`,
    };
  }
  const never = o.status === 'unreachable';
  return {
    pass: never,
    message: () =>
      never
        ? `expected "${outcome}" to be reachable ${describeSearch(result)}, but ${describeExtent(result)} found no path to it`
        : `expected "${outcome}" never to be reached ${describeSearch(result)}, but it is (${describeProbability(o)}); ${describeOutcomePath(o)}`,
  };
}

/** Whether some path reaches the outcome after taking these events, in this order (other moves may come between). */
export function toReachOutcomeVia(
  received: unknown,
  outcome: string,
  events: readonly string[],
  options: ReachOptions = {},
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toReachOutcomeVia');
  validateOptions('toReachOutcomeVia', options, REACH_OPTIONS);
  const o = getOutcomeIndex(received, outcome);
  const { model, start, settings } = getQuestionSettings(received, options);
  // With no events, "via" says nothing that toReachOutcome does not: a slip, not a question.
  if (!Array.isArray(events) || events.length === 0)
    throw new OptionError('toReachOutcomeVia: expected a list of at least one hypothetical event');
  for (const id of events) assertHypotheticalEvent(received, id, 'toReachOutcomeVia', model);
  const exploration = exploreFrom(model, start, settings);
  const { compiled, graph, horizon } = exploration;
  const indexes = events.map((id) => compiled.events.findIndex((e) => e.id === (id as EventId)));
  const path = findPathThrough(graph, o, indexes);
  const route = events.join(' > ');
  const where = describeStartAndHorizon(start, describeHorizon(horizon, start.joint.day));
  const searched = describeGraphExtent(graph.exhaustive, graph.keys.length);
  // An outcome that holds already is never reached for the first time: neither form can pass.
  if (outcomeHolds(graph, 0, o))
    return {
      pass: isNot,
      message: () => `"${outcome}" holds at the start ${where}, so no path reaches it for the first time via ${route}`,
    };
  if (!path && !graph.exhaustive)
    return {
      pass: isNot,
      message: () =>
        `cannot tell whether "${outcome}" is reachable via ${route} ${where}: ${searched}; raise maxStates`,
    };
  if (!path)
    return {
      pass: false,
      message: () =>
        `expected a path to "${outcome}" through ${route}, in that order, ${where}, but ${searched} found none`,
    };
  const steps = exploration.describeMoves(path).steps;
  return {
    pass: true,
    message: () =>
      `expected no path to "${outcome}" through ${route} ${where}, but there is one:\n${describePathSteps(steps)}`,
  };
}

/** Whether a party is in a stance in a joint state (from `run(...).at(step)`). */
export function toBeInStance(received: unknown, party: string, stance: string): MatcherOutcome {
  const joint = received as JointState;
  const parties =
    typeof received === 'object' && received !== null && 'parties' in received ? joint.parties : undefined;
  if (!parties) throw new TypeError('toBeInStance expects a joint state, such as run(scenario).at(step)');
  const snapshot = (parties as Record<string, { value: unknown }>)[party];
  if (!snapshot) {
    const hint = didYouMean(party, Object.keys(parties));
    throw new Error(
      `no party "${party}" in this joint state${hint ? ` (${hint})` : ''}; its parties: ${Object.keys(parties).join(', ')}`,
    );
  }
  // A misspelt stance would make `.not` pass whatever the state: the party's machine names its stances.
  const stances = (snapshot as { machine?: { states?: Record<string, unknown> } }).machine?.states;
  if (stances && !Object.hasOwn(stances, stance)) {
    const hint = didYouMean(stance, Object.keys(stances));
    throw new Error(
      `no stance "${stance}" for party "${party}"${hint ? ` (${hint})` : ''}; its stances: ${Object.keys(stances).join(', ')}`,
    );
  }
  const actual = String(snapshot.value);
  const all = Object.entries(parties as Record<string, { value: unknown }>)
    .map(([p, s]) => `${p}: ${String(s.value)}`)
    .join(', ');
  return {
    pass: actual === stance,
    message: () =>
      actual === stance
        ? `expected ${party} not to be in ${stance} on day ${joint.day}, but it is (${all})`
        : `expected ${party} to be in ${stance} on day ${joint.day}, but it is in ${actual} (${all})`,
  };
}

/** What `toHaveOutcomeProbability` takes: bounds on the probability (at least one), and what it is of and how it is found. */
export interface ProbabilityOptions extends ReachOptions {
  /** The lowest probability that passes, 0..1, inclusive (absent: 0). */
  readonly atLeast?: number;
  /** The highest probability that passes, 0..1, inclusive (absent: 1). */
  readonly atMost?: number;
  /** `true`: the probability that the outcome holds when the horizon ends, instead of reaching it within the horizon. */
  readonly atEnd?: boolean;
  /**
   * Left out: the explorer's exact probability. `{ runs, seed }`: sampled instead, decided on the
   * Wilson 95% interval of the frequency (inside the bounds: pass; outside: fail; across a bound:
   * cannot tell, and both forms fail).
   */
  readonly sampled?: { readonly runs: number; readonly seed: string | number };
}

/**
 * Whether the probability of reaching the outcome within the horizon (or, with `atEnd`, of its
 * holding when the horizon ends) is within bounds. Exactly (the default), a search cut short
 * decides only if its bounds do. Sampled, the frequency is compared and its Wilson 95% interval
 * reported.
 */
export function toHaveOutcomeProbability(
  received: unknown,
  outcome: string,
  options: ProbabilityOptions,
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toHaveOutcomeProbability');
  validateOptions('toHaveOutcomeProbability', options, PROBABILITY_OPTIONS, []);
  if (options?.atLeast === undefined && options?.atMost === undefined)
    throw new OptionError('toHaveOutcomeProbability: expected atLeast, atMost or both (probabilities from 0 to 1)');
  if (options.atLeast !== undefined && options.atMost !== undefined && options.atLeast > options.atMost)
    throw new OptionError(
      `toHaveOutcomeProbability: atLeast (${options.atLeast}) is above atMost (${options.atMost}), so no probability is between them`,
    );
  const index = getOutcomeIndex(received, outcome);
  const low = options.atLeast ?? 0;
  const high = options.atMost ?? 1;
  const range =
    options.atLeast !== undefined && options.atMost !== undefined
      ? `between ${low} and ${high}`
      : options.atLeast !== undefined
        ? `at least ${low}`
        : `at most ${high}`;
  const within = (p: number) => p >= low && p <= high;
  const what = options.atEnd ? `that "${outcome}" holds at the end` : `of "${outcome}"`;

  if (options.sampled !== undefined) {
    const { runs, seed } = options.sampled;
    const { model, start } = getQuestionStart(received, options);
    const horizonOptions = toHorizonOptions(options.within);
    const sampled = sampleScenarioInThread(model, start, { runs, seed: String(seed), ...horizonOptions });
    const s = sampled.outcomes[index];
    if (!s) throw new Error('parley: no result for this outcome');
    const hits = options.atEnd ? s.holdsAtEnd.runs : s.runs;
    const frequency = options.atEnd ? s.holdsAtEnd.frequency : s.frequency;
    const [lo, hi] = getWilsonInterval(hits, sampled.runs);
    const where = describeStartAndHorizon(start, sampled.horizon);
    const bounds = [low, high];
    const said = `sampled ${describeValue(frequency, bounds)} (${formatCount(hits)} of ${plural(runs, 'run')}, seed ${JSON.stringify(String(seed))}; 95% interval ${formatProbabilityApart(lo, bounds)} to ${formatProbabilityApart(hi, bounds)})`;
    // The interval, not the point frequency, decides: another seed must not turn a pass into a failure.
    const decided = within(lo) && within(hi) ? true : hi < low || lo > high ? false : undefined;
    if (decided === undefined)
      return {
        pass: isNot,
        message: () =>
          `cannot tell whether the probability ${what} ${where} is ${range}: it is ${said}, an interval across the bound; sample more runs`,
      };
    return {
      pass: decided,
      message: () =>
        `expected the probability ${what} ${where} ${isNot ? 'not ' : ''}to be ${range}, but it is ${said}`,
    };
  }

  const result = explore(received, getQuestion(options));
  const o = result.outcomes[index];
  if (!o) throw new Error('parley: no result for this outcome');
  // A search cut short bounds the chance of reaching it; of its holding at the end, it says nothing.
  const [lo, hi] = options.atEnd ? [o.holdsAtEnd ?? 0, o.holdsAtEnd ?? 1] : o.probabilityBounds;
  const decided = within(lo) && within(hi) ? true : lo > high || hi < low ? false : undefined;
  if (decided === undefined) {
    return {
      pass: isNot,
      message: () =>
        `cannot tell whether the probability ${what} is ${range}: ${describeExtent(result)} bounds it between ${formatProbabilityApart(lo, [low, high])} and ${formatProbabilityApart(hi, [low, high])}`,
    };
  }
  const value = options.atEnd
    ? describeValue(lo, [low, high])
    : describeProbability(o, [low, high]).replace('probability ', '');
  return {
    pass: decided,
    message: () =>
      `expected the probability ${what} ${describeSearch(result)} ${isNot ? 'not ' : ''}to be ${range}, but it is ${value} (exact, ${describeExtent(result)})`,
  };
}

/** Whether every path to the outcome takes this event (without it, an exhaustive search finds none). */
export function toRequireEvent(
  received: unknown,
  outcome: string,
  event: string,
  options: ReachOptions = {},
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toRequireEvent');
  validateOptions('toRequireEvent', options, REACH_OPTIONS);
  const o = getOutcomeIndex(received, outcome);
  const { model, start, settings } = getQuestionSettings(received, options);
  assertHypotheticalEvent(received, event, 'toRequireEvent', model);
  const withIt = searchOutcome(model, start, settings, o);
  const without = searchOutcome(withoutEvents(model, new Set([event as EventId])), start, settings, o);
  const where = describeStartAndHorizon(start, describeHorizon(withIt.exploration.horizon, start.joint.day));
  if (!withIt.path) {
    if (!withIt.exploration.graph.exhaustive)
      return {
        pass: isNot,
        message: () =>
          `cannot tell whether "${outcome}" requires ${event} ${where}: it was not found in ${describeGraphExtent(false, withIt.exploration.graph.keys.length)}`,
      };
    // Neither form can pass: an outcome never reached neither requires an event nor does without it.
    return {
      pass: isNot,
      message: () => `"${outcome}" cannot be reached at all ${where}, so nothing about ${event} can be said`,
    };
  }
  if (without.path) {
    const steps = describePath(model, start.joint, without.path).steps;
    return {
      pass: false,
      message: () =>
        `expected every path to "${outcome}" ${where} to take ${event}, but this one does not:\n${describePathSteps(steps)}`,
    };
  }
  if (!without.exploration.graph.exhaustive)
    return {
      pass: isNot,
      message: () =>
        `cannot tell whether "${outcome}" requires ${event} ${where}: without it, ${describeGraphExtent(false, without.exploration.graph.keys.length)} found no path`,
    };
  return {
    pass: true,
    message: () =>
      `expected a path to "${outcome}" ${where} without ${event}, but ${describeGraphExtent(true, without.exploration.graph.keys.length)} without it found none`,
  };
}

/** Whether a query (`eventually`, `never`, `always`, `before`, `within N days`) holds from the start. */
export function toSatisfy(received: unknown, query: string, options: ReachOptions = {}, isNot = false): MatcherOutcome {
  assertScenario(received, 'toSatisfy');
  validateOptions('toSatisfy', options, REACH_OPTIONS);
  const { model, start, settings } = getQuestionSettings(received, options);
  const result = checkQuery(model, start, query, { ...settings, ...(options.path && { path: options.path }) });
  const where = describeStartAndHorizon(start, result.horizon);
  const searched = `${plural(result.search.states, 'joint state')} searched`;
  if (result.holds === null)
    return {
      pass: isNot,
      message: () =>
        `cannot decide "${query}" ${where}: ${describeGraphExtent(false, result.search.states)}; raise maxStates`,
    };
  // A probability clause's value says how far it is from its bound.
  const values = result.clauses.flatMap((c) =>
    c.probability === undefined ? [] : [`${c.text}: probability ${describeClauseProbability(c.probability)}`],
  );
  const evidence = [...values]
    .concat(
      result.clauses
        .filter((c) => c.trace && (result.holds ? c.evidence === 'witness' : c.holds === false))
        .map(
          (c) =>
            `${c.text}: ${c.trace ? describeEvidence(result.path, c.trace, DEFAULT_DIGITS, c.evidence === 'witness' ? 'witness' : 'counter-example') : ''}:\n${describePathSteps(c.trace?.steps ?? [])}`,
        ),
    )
    .join('\n');
  return {
    pass: result.holds,
    message: () =>
      result.holds
        ? `expected "${query}" not to hold ${where}, but it does (${searched})${evidence ? `\n${evidence}` : ''}`
        : `expected "${query}" to hold ${where}, but it does not (${searched})${evidence ? `\n${evidence}` : ''}`,
  };
}
