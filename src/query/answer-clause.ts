import type { Condition } from '../model/condition.js';
import type { DayEnds } from '../explore/day-ends.js';
import type { Exploration } from '../explore/exploration.js';
import { findPath } from '../explore/find-path.js';
import { findPathAfter } from '../explore/find-path-after.js';
import { getConditionOdds } from '../explore/time-bounded-odds.js';
import type { Witness } from '../explore/witness.js';
import { findEvidence, type PathKind } from '../explore/witness-path.js';
import type { ProbabilityBound } from './query-ast.js';
import type { ResolvedClause } from './resolve-query.js';

/** Whether a probability is within a clause's bound, by the bound's operator. */
const BOUND_TESTS: Readonly<Record<ProbabilityBound['op'], (p: number, bound: number) => boolean>> = {
  '>=': (p, b) => p >= b,
  '>': (p, b) => p > b,
  '<=': (p, b) => p <= b,
  '<': (p, b) => p < b,
};

/** The answer to one clause: true, false, or null when a search cut short cannot decide. */
export interface ClauseAnswer {
  /** The clause, as written in the query. */
  readonly text: string;
  /** Whether it holds; null when a search cut short cannot decide. */
  readonly holds: boolean | null;
  /** A path showing it: a witness for `eventually` (and a probability's event), a counter-example for the others. */
  readonly evidence: 'witness' | 'counterexample' | null;
  /** That path (a shortest, or the likeliest found), with its source; null when `evidence` is null. */
  readonly trace: Witness | null;
  /** A probability clause's exact value (within `errorBound`); null when the search was cut short. */
  readonly probability?: number | null;
}

/** What every clause of one query is answered over: the explored graph, read by each clause's horizon. */
export interface ClauseContext {
  readonly exploration: Exploration;
  readonly dayEnds: DayEnds | null;
  readonly kind: PathKind;
  /** The states on the first `days` days (all of the horizon when undefined), the start day included. */
  readonly withinDays: (days: number | undefined) => (state: number) => boolean;
  /** The days of the horizon explored, the start day included. */
  readonly days: number;
}

/**
 * Answers one clause exactly over the explored graph (see `checkQuery` for what each means). Pure.
 * A clause that a search cut short cannot decide is null; a found path decides it either way.
 */
export function answerClause(context: ClauseContext, clause: ResolvedClause): ClauseAnswer {
  const { exploration, dayEnds, kind } = context;
  const { graph } = exploration;
  const holds = (condition: Condition) => exploration.conditionAt(condition);
  const inTime = context.withinDays(clause.withinDays);
  const trace = (found: { moves: number[] }, accept: (s: number) => boolean, pass: (s: number) => boolean) =>
    findEvidence(exploration, dayEnds, accept, pass, kind, found.moves);
  const decided = (found: boolean, holdsIfFound: boolean) =>
    found ? holdsIfFound : graph.exhaustive ? !holdsIfFound : null;
  // A path ends at a state with no move at all: time is up.
  const ends = (s: number) => s < graph.expanded && graph.edgeStart[s] === graph.edgeStart[s + 1];
  const counterexample = (accept: (s: number) => boolean, pass: (s: number) => boolean): ClauseAnswer => {
    const found = findPath(graph, accept, pass);
    return {
      text: clause.text,
      holds: decided(found !== null, false),
      evidence: found ? 'counterexample' : null,
      trace: found ? trace(found, accept, pass) : null,
    };
  };

  switch (clause.kind) {
    case 'before': {
      const first = holds(clause.first);
      const then = holds(clause.then);
      return counterexample(
        (s) => inTime(s) && then(s) && !first(s),
        (s) => inTime(s) && !first(s),
      );
    }
    case 'until': {
      // A until B fails on a path that leaves A before B, or ends (or leaves the days) without B.
      const a = holds(clause.first);
      const b = holds(clause.then);
      return counterexample(
        (s) => !inTime(s) || (!b(s) && (!a(s) || ends(s))),
        (s) => inTime(s) && a(s) && !b(s),
      );
    }
    case 'leads-to': {
      // Fails on a path to an A state after which B never holds, to the end or past the days.
      const a = holds(clause.first);
      const b = holds(clause.then);
      const found = findPathAfter(
        graph,
        inTime,
        (s) => inTime(s) && a(s) && !b(s),
        (s) => inTime(s) && !b(s),
        (s) => !inTime(s) || (!b(s) && ends(s)),
      );
      return {
        text: clause.text,
        holds: decided(found !== null, false),
        evidence: found ? 'counterexample' : null,
        trace: found ? exploration.describeMoves(found.moves) : null,
      };
    }
    case 'probability': {
      const b = holds(clause.then);
      const a = clause.first ? holds(clause.first) : null;
      const avoid = a ? (s: number) => !a(s) && !b(s) : undefined;
      const day = Math.min(clause.withinDays ?? context.days, context.days) - 1;
      const probability =
        graph.exhaustive && dayEnds
          ? (getConditionOdds(graph, [{ reach: b, ...(avoid && { avoid }) }], dayEnds).reachedByDay[day] ?? 0)
          : null;
      const accept = (s: number) => inTime(s) && b(s);
      const pass = (s: number) => inTime(s) && (a ? a(s) : true);
      const found = findPath(graph, accept, pass);
      const { bound } = clause;
      // Without a bound the clause measures: it holds once its value is known.
      const verdict = probability === null ? null : bound === null || BOUND_TESTS[bound.op](probability, bound.value);
      return {
        text: clause.text,
        holds: verdict,
        evidence: found ? 'witness' : null,
        trace: found ? trace(found, accept, pass) : null,
        probability,
      };
    }
    default: {
      const here = holds(clause.condition);
      const target =
        clause.kind === 'always' ? (s: number) => inTime(s) && !here(s) : (s: number) => inTime(s) && here(s);
      const found = findPath(graph, target, inTime);
      return {
        text: clause.text,
        holds: decided(found !== null, clause.kind === 'eventually'),
        evidence: found ? (clause.kind === 'eventually' ? 'witness' : 'counterexample') : null,
        trace: found ? trace(found, target, inTime) : null,
      };
    }
  }
}
