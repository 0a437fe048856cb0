/**
 * Returns a query error as a person reads it: `query:COLUMN: reason`, then, given the query, the
 * query itself with a caret under the column. Pure.
 */
export function describeQueryError(reason: string, column: number, query?: string): string {
  const head = `query:${column}: ${reason}`;
  if (query === undefined || query.includes('\n')) return head;
  return `${head}\n  ${query}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
}
