import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, MAX_QUERY_OPERATORS } from '../model/input-limits.js';

/** Why a query is refused before it is parsed, and at which column (1-based). */
export interface OversizedQuery {
  readonly reason: string;
  readonly column: number;
}

/**
 * Refuses a query too big for its parser, which recurses once per level: longer than
 * `MAX_QUERY_LENGTH`, nested (parentheses and `not`) deeper than `MAX_QUERY_DEPTH`, or with more
 * than `MAX_QUERY_OPERATORS` `and`/`or`. Pure; one pass over the words and parentheses, with no
 * recursion.
 */
export function findOversizedQuery(text: string): OversizedQuery | undefined {
  if (text.length > MAX_QUERY_LENGTH)
    return {
      reason: `the query is ${formatCount(text.length)} characters long (expected at most ${formatCount(MAX_QUERY_LENGTH)})`,
      column: MAX_QUERY_LENGTH + 1,
    };
  // Each open parenthesis, with the `not`s in front of what comes next inside it.
  const nots: number[] = [0];
  let depth = 0;
  let operators = 0;
  for (const token of text.matchAll(/[()]|[A-Za-z0-9_-]+/g)) {
    const word = token[0];
    const column = token.index + 1;
    if (word === '(') {
      nots.push(0);
      depth++;
    } else if (word === ')') {
      if (nots.length > 1) depth -= 1 + (nots.pop() as number);
      // The parenthesis was the operand of the `not`s in front of it.
      depth -= nots[nots.length - 1] as number;
      nots[nots.length - 1] = 0;
    } else if (word === 'not') {
      nots[nots.length - 1] = (nots[nots.length - 1] as number) + 1;
      depth++;
    } else {
      depth -= nots[nots.length - 1] as number;
      nots[nots.length - 1] = 0;
      if ((word === 'and' || word === 'or') && ++operators > MAX_QUERY_OPERATORS)
        return {
          reason: `the query has more than ${formatCount(MAX_QUERY_OPERATORS)} "and" and "or" (expected fewer: split it into several queries)`,
          column,
        };
    }
    if (depth > MAX_QUERY_DEPTH)
      return {
        reason: `the query nests parentheses and "not" more than ${MAX_QUERY_DEPTH} deep here (expected a shallower formula)`,
        column,
      };
  }
  return undefined;
}

/** `4,096`: a count for a message. */
function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
