import { describeQueryError } from './describe-query-error.js';
import { findOversizedQuery } from './measure-query.js';
import * as ohm from 'ohm-js';
import { DAYS } from '../options/question-option-rules.js';
import type { Clause, ComparisonOperator, Formula, ProbabilityBound, Query } from './query-ast.js';

// The query language, as a PEG grammar (ohm-js). Keywords cannot be ids; ids are those of the
// scenario file (a letter, then letters, digits, "-" or "_").
const grammar = ohm.grammar(String.raw`
  Query {
    Query = Clause ("and" Clause)*
    Clause = "P" Bound? "[" Path "]"              -- probability
           | "eventually" Formula Within?         -- eventually
           | "never" Formula Within?              -- never
           | "always" Formula Within?             -- always
           | Formula "before" Formula Within?     -- before
           | Formula "until" Formula Within?      -- until
           | Formula "leads" "to" Formula Within? -- leadsTo
    Path = "eventually" Formula Within?           -- eventually
         | Formula "until" Formula Within?        -- until
    Bound = bound probability
    bound = ">=" | "<=" | ">" | "<"
    probability (a probability from 0 to 1) = digit* "." digit+ -- fraction
                                            | digit+            -- whole
    Within = "within" count ("days" | "day")
    Formula = Formula "or" Conj                   -- or
            | Conj
    Conj = Conj "and" ~temporal Unary             -- and
         | Unary
    Unary = "not" Unary                           -- not
          | "(" Formula ")"                       -- paren
          | Atom
    Atom = id "in" id ("|" id)*                   -- stance
         | id op value                            -- compare
         | id                                     -- outcome
    op = "<=" | ">=" | "!=" | "=" | "<" | ">"
    value = number | id
    temporal = ("eventually" | "never" | "always" | "P") ~idChar
    keyword = ("eventually" | "never" | "always" | "before" | "until" | "leads" | "to" | "within" | "days" | "and" | "or" | "not" | "in" | "P") ~idChar
    id = ~keyword letter idChar*
    idChar = alnum | "-" | "_"
    number = "-"? digit+
    count (a whole number of days) = digit+
  }
`);

/**
 * A query that does not parse: the message says what was expected at `column` (1-based). `code`
 * is `too-large` for a query past one of the limits of `findOversizedQuery`, else `query-syntax`.
 */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
    readonly code: 'query-syntax' | 'too-large' = 'query-syntax',
  ) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

const semantics = grammar.createSemantics().addOperation<unknown>('ast', {
  Query(first, _ands, rest) {
    return [first.ast(), ...rest.children.map((c) => c.ast())];
  },
  Clause_eventually(_k, formula, within) {
    return clause('eventually', formula, within, this.sourceString);
  },
  Clause_never(_k, formula, within) {
    return clause('never', formula, within, this.sourceString);
  },
  Clause_always(_k, formula, within) {
    return clause('always', formula, within, this.sourceString);
  },
  Clause_before(first, _b, then, within) {
    return pair('before', first, then, within, this.sourceString);
  },
  Clause_until(first, _u, then, within) {
    return pair('until', first, then, within, this.sourceString);
  },
  Clause_leadsTo(first, _leads, _to, then, within) {
    return pair('leads-to', first, then, within, this.sourceString);
  },
  Clause_probability(_p, bound, _open, path, _close) {
    const { first, then, withinDays } = path.ast() as { first: Formula | null; then: Formula; withinDays?: number };
    return {
      kind: 'probability',
      bound: (bound.children[0]?.ast() as ProbabilityBound | undefined) ?? null,
      first,
      then,
      ...(withinDays !== undefined && { withinDays }),
      text: this.sourceString,
    };
  },
  Path_eventually(_e, formula, within) {
    const days = within.children[0]?.ast() as number | undefined;
    return { first: null, then: formula.ast(), ...(days !== undefined && { withinDays: days }) };
  },
  Path_until(first, _u, then, within) {
    const days = within.children[0]?.ast() as number | undefined;
    return { first: first.ast(), then: then.ast(), ...(days !== undefined && { withinDays: days }) };
  },
  Bound(op, value) {
    return { op: op.sourceString, value: Number(value.sourceString), at: this.source.startIdx };
  },
  Within(_w, count, _d) {
    const days = count.ast() as number;
    // Refused here, where its column is known, before any search allocates for so many days.
    if (!DAYS.schema.safeParse(days).success) {
      const column = count.source.startIdx + 1;
      const reason = `"within ${count.sourceString} days" looks too far ahead: expected ${DAYS.expected}`;
      throw new QuerySyntaxError(describeQueryError(reason, column, this.source.sourceString), column);
    }
    return days;
  },
  Formula_or(left, _or, right) {
    return { kind: 'or', left: left.ast(), right: right.ast() };
  },
  Conj_and(left, _and, right) {
    return { kind: 'and', left: left.ast(), right: right.ast() };
  },
  Unary_not(_not, inner) {
    return { kind: 'not', inner: inner.ast() };
  },
  Unary_paren(_open, formula, _close) {
    return formula.ast();
  },
  Atom_stance(party, _in, first, _bars, rest) {
    return {
      kind: 'stance',
      party: party.sourceString,
      stances: [first.sourceString, ...rest.children.map((c) => c.sourceString)],
      at: this.source.startIdx,
    };
  },
  Atom_compare(subject, op, value) {
    return {
      kind: 'compare',
      subject: subject.sourceString,
      op: op.sourceString as ComparisonOperator,
      value: value.ast(),
      at: this.source.startIdx,
    };
  },
  Atom_outcome(id) {
    return { kind: 'outcome', id: id.sourceString, at: this.source.startIdx };
  },
  value(v) {
    const text = v.sourceString;
    if (/^-?\d+$/.test(text)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    return text;
  },
  number(_minus, _digits) {
    return Number(this.sourceString);
  },
  count(_digits) {
    return Number(this.sourceString);
  },
});

function pair(
  kind: 'before' | 'until' | 'leads-to',
  first: ohm.Node,
  then: ohm.Node,
  within: ohm.IterationNode,
  text: string,
): Clause {
  const days = within.children[0]?.ast() as number | undefined;
  return {
    kind,
    first: first.ast() as Formula,
    then: then.ast() as Formula,
    ...(days !== undefined && { withinDays: days }),
    text,
  };
}

function clause(
  kind: 'eventually' | 'never' | 'always',
  formula: ohm.Node,
  within: ohm.IterationNode,
  text: string,
): Clause {
  const days = within.children[0]?.ast() as number | undefined;
  return { kind, formula: formula.ast() as Formula, ...(days !== undefined && { withinDays: days }), text };
}

/**
 * Parses a query. Throws `QuerySyntaxError` naming the column and what was expected there, the
 * query shown with a caret; a query past the limits of `findOversizedQuery` is refused before the
 * parser, which recurses per level, sees it.
 */
export function parseQuery(text: string): Query {
  const oversized = findOversizedQuery(text);
  if (oversized) {
    const shown = text.length > 160 ? undefined : text;
    throw new QuerySyntaxError(
      describeQueryError(`${oversized.reason} [too-large]`, oversized.column, shown),
      oversized.column,
      'too-large',
    );
  }
  const match = grammar.match(text);
  if (match.failed()) {
    const column = match.getRightmostFailurePosition() + 1;
    throw new QuerySyntaxError(
      describeQueryError(match.shortMessage?.replace(/^Line 1, col \d+: /, '') ?? 'cannot parse', column, text),
      column,
    );
  }
  return semantics(match).ast() as Query;
}
