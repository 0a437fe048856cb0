import type { Comparison, Condition } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import { getModelIndex } from '../model/model-lookup.js';
import type { Fact, Model } from '../model/model.js';
import { didYouMean, listIds } from '../model/suggest.js';
import type { Formula, ProbabilityBound, Query } from './query-ast.js';
import { describeQueryError } from './describe-query-error.js';

/** A clause with its formulas turned into the scenario's declarative conditions. */
export type ResolvedClause =
  | {
      readonly kind: 'eventually' | 'never' | 'always';
      readonly condition: Condition;
      readonly withinDays?: number;
      readonly text: string;
    }
  | {
      readonly kind: 'before' | 'until' | 'leads-to';
      readonly first: Condition;
      readonly then: Condition;
      readonly withinDays?: number;
      readonly text: string;
    }
  | {
      readonly kind: 'probability';
      readonly bound: ProbabilityBound | null;
      /** A of `A until B`; null for `eventually B`. */
      readonly first: Condition | null;
      readonly then: Condition;
      readonly withinDays?: number;
      readonly text: string;
    };

/** A name in a query that the scenario does not have, or a value that does not fit. */
export class QueryReferenceError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'QueryReferenceError';
  }
}

const OPERATORS: Record<string, keyof Comparison> = {
  '=': 'is',
  '!=': 'not',
  '<': 'below',
  '<=': 'atMost',
  '>': 'above',
  '>=': 'atLeast',
};

/**
 * Resolves a query against a scenario: outcomes to their conditions, `party in stance`, `fact op
 * value` and `day op n` to conditions, checked like a scenario file's. Pure. Throws
 * `QueryReferenceError` at the first unknown name or misfit value (given `text`, the query shown
 * with a caret).
 */
export function resolveQuery(model: Model, query: Query, text?: string): ResolvedClause[] {
  const toCondition = (formula: Formula) => getCondition(model, formula, text);
  return query.map((clause) => {
    const within = clause.withinDays !== undefined ? { withinDays: clause.withinDays } : {};
    if (clause.kind === 'probability') {
      const { bound } = clause;
      if (bound && !(bound.value >= 0 && bound.value <= 1))
        throw new QueryReferenceError(
          describeQueryError(`a probability bound is from 0 to 1 (found ${bound.value})`, bound.at + 1, text),
          bound.at + 1,
        );
      return {
        kind: 'probability',
        bound,
        first: clause.first ? toCondition(clause.first) : null,
        then: toCondition(clause.then),
        ...within,
        text: clause.text,
      };
    }
    if ('formula' in clause)
      return { kind: clause.kind, condition: toCondition(clause.formula), ...within, text: clause.text };
    return {
      kind: clause.kind,
      first: toCondition(clause.first),
      then: toCondition(clause.then),
      ...within,
      text: clause.text,
    };
  });
}

function getCondition(model: Model, formula: Formula, text: string | undefined): Condition {
  const index = getModelIndex(model);
  // `unknown`: the name that is not known, and the names that are, for a did-you-mean.
  const fail = (at: number, message: string, unknown?: { name: string; known: Iterable<string> }) => {
    const hint = unknown && didYouMean(unknown.name, unknown.known);
    throw new QueryReferenceError(describeQueryError(`${message}${hint ? ` (${hint})` : ''}`, at + 1, text), at + 1);
  };
  switch (formula.kind) {
    case 'and':
      return { all: [getCondition(model, formula.left, text), getCondition(model, formula.right, text)] };
    case 'or':
      return { any: [getCondition(model, formula.left, text), getCondition(model, formula.right, text)] };
    case 'not':
      return { not: getCondition(model, formula.inner, text) };
    case 'outcome': {
      const outcome = model.outcomes.find((o) => o.id === formula.id);
      if (!outcome)
        return fail(
          formula.at,
          `unknown outcome "${formula.id}" (expected one of: ${listIds(model.outcomes.map((o) => o.id))}; or write "party in stance" or "fact = value")`,
          { name: formula.id, known: model.outcomes.map((o) => o.id) },
        );
      return outcome.when;
    }
    case 'stance': {
      const party = index.parties.get(formula.party as PartyId);
      if (!party)
        return fail(formula.at, `unknown party "${formula.party}"`, {
          name: formula.party,
          known: index.parties.keys(),
        });
      const known = party.stances.map((s) => s.id as string);
      for (const s of formula.stances)
        if (!known.includes(s)) fail(formula.at, `unknown stance "${s}" of party "${party.id}"`, { name: s, known });
      return { stance: { [party.id]: formula.stances as StanceId[] } as Record<PartyId, StanceId[]> };
    }
    case 'compare': {
      const key = OPERATORS[formula.op] as keyof Comparison;
      if (formula.subject === 'day') {
        if (typeof formula.value !== 'number')
          return fail(formula.at, `the day is compared with "${String(formula.value)}" (expected a whole number)`);
        return { day: { [key]: formula.value } };
      }
      const fact = index.facts.get(formula.subject as FactId);
      if (!fact)
        return fail(formula.at, `unknown fact "${formula.subject}"`, {
          name: formula.subject,
          known: [...index.facts.keys(), 'day'],
        });
      const problem = checkValue(fact, formula.op, formula.value);
      if (problem) {
        const unknownValue = fact.type === 'enum' ? { name: String(formula.value), known: fact.values } : undefined;
        return fail(formula.at, problem, unknownValue);
      }
      return { fact: { [fact.id]: { [key]: formula.value } } as Record<FactId, Comparison> };
    }
  }
}

function checkValue(fact: Fact, op: string, value: string | number | boolean): string | undefined {
  const ordered = op !== '=' && op !== '!=';
  if (fact.type === 'integer') {
    if (typeof value !== 'number') return `fact "${fact.id}" is an integer (found "${String(value)}")`;
    // "= 9" on a fact that never exceeds 3 can never hold (and "!= 9" always does): a slip, not a
    // question. An ordered test past the range ("< 4" on 0..3) reads as "any value" and is allowed.
    if (!ordered && (value < fact.min || value > fact.max))
      return `fact "${fact.id}" ranges from ${fact.min} to ${fact.max} (found ${value})`;
    return undefined;
  }
  if (ordered) return `"${op}" compares integers, and fact "${fact.id}" is of type ${fact.type} (expected = or !=)`;
  if (fact.type === 'boolean')
    return typeof value === 'boolean' ? undefined : `fact "${fact.id}" is true or false (found "${String(value)}")`;
  return typeof value === 'string' && fact.values.includes(value)
    ? undefined
    : `fact "${fact.id}" cannot be "${String(value)}" (expected one of: ${listIds(fact.values)})`;
}
