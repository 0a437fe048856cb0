import {
  describeHorizon,
  getHorizon,
  getHorizonDays,
  type HorizonOptions,
  type HorizonReport,
} from '../engine/horizon.js';
import { openQuestion } from '../compile/question.js';
import { exploreQuestion } from '../explore/exploration.js';
import { reportEach } from '../explore/progress.js';
import type { SearchLimits } from '../explore/state-graph.js';
import { getDayEnds } from '../explore/day-ends.js';
import type { PathKind } from '../explore/witness-path.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Start, StartPoint } from '../run/start-point.js';
import { parseQuery } from './parse-query.js';
import { resolveQuery } from './resolve-query.js';
import { answerClause, type ClauseAnswer } from './answer-clause.js';

export type { ClauseAnswer } from './answer-clause.js';

/** What `parley check` reports (and prints with `--json`). */
export interface CheckResult {
  /** Always 'check': what the JSON is. */
  readonly type: 'check';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** The query, as given. */
  readonly query: string;
  /** Where the question starts: in words, as asked, the timeline events replayed to it, and the start state's day. */
  readonly start: {
    readonly description: string;
    readonly point: StartPoint;
    readonly history: readonly EventId[];
    readonly day: number;
  };
  /** How far ahead it looks: the larger of the horizon asked for and every clause's `within N days`. */
  readonly horizon: HorizonReport;
  /** How the search went: joint states found, whether it was exhaustive, whether `shouldStop` ended it. */
  readonly search: { readonly states: number; readonly exhaustive: boolean; readonly stopped: boolean };
  /** Which paths the clauses show: shortest, or the likeliest found. */
  readonly path: PathKind;
  /** True when every clause holds, false when one does not, null when it cannot be decided. */
  readonly holds: boolean | null;
  /** One answer per clause of the query (clauses are joined by `and`), in order. */
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
 *   counter-example: a path reaching B without A);
 * - `A until B`: on every path, B holds at some state and A at every state before it (the
 *   counter-example: a path that leaves A before B, or ends without B);
 * - `A leads to B`: on every path, wherever A holds, B holds then or later (the counter-example: a
 *   path to an A state, then on to the end without B);
 * - `P >= p [eventually B]`, `P < p [A until B]` (also `>`, `<=`, or no bound: the value only): the
 *   exact probability of the event within the horizon, by the transient analysis that gives
 *   `explore` its odds, against the bound (the evidence: a path to B, through A for `until`).
 *
 * A clause's `within N days` reads only the first N days, the start day included.
 *
 * Pure (apart from `onProgress`: the search, then `answering` clauses). Throws `QuerySyntaxError` or `QueryReferenceError` for a query it cannot read.
 */
export function checkQuery(model: Model, start: Start, text: string, options: CheckOptions): CheckResult {
  const clauses = resolveQuery(model, parseQuery(text), text);
  const longest = Math.max(getHorizonDays(options), ...clauses.map((c) => c.withinDays ?? 0));
  const exploration = exploreQuestion(openQuestion(model, start, { ...options, horizonDays: longest }), options);
  const { graph, horizon } = exploration;
  // `within N days`: the states on the first N days, the start day included.
  const withinDays = (days: number | undefined) =>
    exploration.conditionAt({ day: { atMost: getHorizon(start.joint.day, { horizonDays: days ?? longest }).endDay } });
  const kind = options.path ?? 'shortest';
  const dayEnds = graph.stopped ? null : getDayEnds(graph);
  const context = { exploration, dayEnds, kind, withinDays, days: longest };
  const answers = reportEach(clauses, 'answering', 'clauses', options.onProgress, (clause) =>
    answerClause(context, clause),
  );
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
