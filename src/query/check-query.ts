import {
  describeHorizon,
  getHorizon,
  getHorizonDays,
  type HorizonOptions,
  type HorizonReport,
} from '../engine/horizon.js';
import { openQuestion } from '../compile/question.js';
import { exploreQuestion } from '../explore/exploration.js';
import { findPath } from '../explore/find-path.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { Witness } from '../explore/witness.js';
import { getDayEnds } from '../explore/day-ends.js';
import { findEvidence, type PathKind } from '../explore/witness-path.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Start, StartPoint } from '../run/start-point.js';
import { parseQuery } from './parse-query.js';
import { resolveQuery } from './resolve-query.js';

/** The answer to one clause: true, false, or null when a search cut short cannot decide. */
export interface ClauseAnswer {
  readonly text: string;
  readonly holds: boolean | null;
  /** A path showing it: a witness for `eventually`, a counter-example for the others. */
  readonly evidence: 'witness' | 'counterexample' | null;
  readonly trace: Witness | null;
}

/** What `parley check` reports (and prints with `--json`). */
export interface CheckResult {
  readonly type: 'check';
  readonly scenario: string;
  readonly query: string;
  readonly start: {
    readonly description: string;
    readonly point: StartPoint;
    readonly history: readonly EventId[];
    readonly day: number;
  };
  readonly horizon: HorizonReport;
  readonly search: { readonly states: number; readonly exhaustive: boolean; readonly stopped: boolean };
  /** Which paths the clauses show: shortest, or the likeliest found. */
  readonly path: PathKind;
  /** True when every clause holds, false when one does not, null when it cannot be decided. */
  readonly holds: boolean | null;
  readonly clauses: readonly ClauseAnswer[];
}

export interface CheckOptions extends SearchLimits, HorizonOptions {
  /** The path each clause shows as evidence: `shortest` (default) or `likeliest`. */
  readonly path?: PathKind;
}

/**
 * Answers a query over every future from the start within the horizon (a clause's `within N days`
 * looks at the first N days, the start day included). Exactly, over the explored graph:
 *
 * - `eventually A`: some path reaches a state where A holds (the witness: a shortest one);
 * - `never A`: no path does (the counter-example: a shortest path that does);
 * - `always A`: A holds in every reachable state (the counter-example: a path to one where it does not);
 * - `A before B`: on every path, A holds no later than the first state where B holds (the
 *   counter-example: a path reaching B without A).
 *
 * Pure. Throws `QuerySyntaxError` or `QueryReferenceError` for a query it cannot read.
 */
export function checkQuery(model: Model, start: Start, text: string, options: CheckOptions): CheckResult {
  const clauses = resolveQuery(model, parseQuery(text), text);
  const longest = Math.max(getHorizonDays(options), ...clauses.map((c) => c.withinDays ?? 0));
  const exploration = exploreQuestion(openQuestion(model, start, { ...options, horizonDays: longest }), options);
  const { graph, horizon } = exploration;
  const predicate = exploration.conditionAt;
  // `within N days`: the states on the first N days, the start day included.
  const withinDay = (days: number | undefined) =>
    predicate({ day: { atMost: getHorizon(start.joint.day, { horizonDays: days ?? longest }).endDay } });
  const kind = options.path ?? 'shortest';
  const dayEnds = graph.stopped ? null : getDayEnds(graph);
  // Evidence of the kind asked for, to the states `accept`s, through those that `pass`.
  const trace = (found: { moves: number[] }, accept: (s: number) => boolean, pass: (s: number) => boolean) =>
    findEvidence(exploration, dayEnds, accept, pass, kind, found.moves);
  const decided = (found: boolean, holdsIfFound: boolean) =>
    found ? holdsIfFound : graph.exhaustive ? !holdsIfFound : null;

  const answers = clauses.map((clause): ClauseAnswer => {
    const inTime = withinDay(clause.withinDays);
    if (clause.kind === 'before') {
      const first = predicate(clause.first);
      const then = predicate(clause.then);
      const accept = (s: number) => inTime(s) && then(s) && !first(s);
      const pass = (s: number) => inTime(s) && !first(s);
      const found = findPath(graph, accept, pass);
      return {
        text: clause.text,
        holds: decided(found !== null, false),
        evidence: found ? 'counterexample' : null,
        trace: found ? trace(found, accept, pass) : null,
      };
    }
    const holdsHere = predicate(clause.condition);
    const target =
      clause.kind === 'always' ? (s: number) => inTime(s) && !holdsHere(s) : (s: number) => inTime(s) && holdsHere(s);
    const found = findPath(graph, target, inTime);
    const holds = decided(found !== null, clause.kind === 'eventually');
    const evidence = found ? (clause.kind === 'eventually' ? 'witness' : 'counterexample') : null;
    return { text: clause.text, holds, evidence, trace: found ? trace(found, target, inTime) : null };
  });
  const holds = answers.some((a) => a.holds === false) ? false : answers.every((a) => a.holds === true) ? true : null;
  return {
    type: 'check',
    scenario: model.title,
    query: text,
    start: { description: start.description, point: start.point, history: start.history, day: start.joint.day },
    horizon: describeHorizon(horizon, start.joint.day),
    search: { states: graph.keys.length, exhaustive: graph.exhaustive, stopped: graph.stopped },
    path: kind,
    holds,
    clauses: answers,
  };
}
