import * as z from 'zod';
import type { DataPath } from '../problem.js';

/**
 * An option statement, as the graph model's option prioritisation writes them (Fang, Hipel,
 * Kilgour & Peng 2003): an option id (the option is taken), or `not`, `all`, `any`, `iff` and
 * `if`/`then` of statements.
 */
export type OptionStatement =
  | string
  | { readonly not: OptionStatement }
  | { readonly all: readonly OptionStatement[] }
  | { readonly any: readonly OptionStatement[] }
  | { readonly iff: readonly [OptionStatement, OptionStatement] }
  | { readonly if: OptionStatement; readonly then: OptionStatement };

export const OptionStatementSchema: z.ZodType<OptionStatement> = z.lazy(() =>
  z.union(
    [
      z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected an option id'),
      z.strictObject({ not: OptionStatementSchema }),
      z.strictObject({ all: z.array(OptionStatementSchema).min(1) }),
      z.strictObject({ any: z.array(OptionStatementSchema).min(1) }),
      z.strictObject({ iff: z.tuple([OptionStatementSchema, OptionStatementSchema]) }),
      z.strictObject({ if: OptionStatementSchema, then: OptionStatementSchema }),
    ],
    { error: 'expected an option id, or { not }, { all }, { any }, { iff: [a, b] } or { if, then } of them' },
  ),
);

/** Whether a statement holds where the options in `taken` are taken and no other. Pure. */
export function holdsStatement(statement: OptionStatement, taken: ReadonlySet<string>): boolean {
  if (typeof statement === 'string') return taken.has(statement);
  if ('not' in statement) return !holdsStatement(statement.not, taken);
  if ('all' in statement) return statement.all.every((s) => holdsStatement(s, taken));
  if ('any' in statement) return statement.any.some((s) => holdsStatement(s, taken));
  if ('iff' in statement) return holdsStatement(statement.iff[0], taken) === holdsStatement(statement.iff[1], taken);
  return !holdsStatement(statement.if, taken) || holdsStatement(statement.then, taken);
}

/** Every option id a statement names, with its place under `at`. Pure. */
export function listStatementOptions(statement: OptionStatement, at: DataPath): { id: string; path: DataPath }[] {
  if (typeof statement === 'string') return [{ id: statement, path: at }];
  if ('not' in statement) return listStatementOptions(statement.not, [...at, 'not']);
  if ('all' in statement) return statement.all.flatMap((s, i) => listStatementOptions(s, [...at, 'all', i]));
  if ('any' in statement) return statement.any.flatMap((s, i) => listStatementOptions(s, [...at, 'any', i]));
  if ('iff' in statement) return statement.iff.flatMap((s, i) => listStatementOptions(s, [...at, 'iff', i]));
  return [
    ...listStatementOptions(statement.if, [...at, 'if']),
    ...listStatementOptions(statement.then, [...at, 'then']),
  ];
}

/** A statement in words: `accept and not modify`, nested parts in brackets. Pure. */
export function describeStatement(statement: OptionStatement): string {
  const part = (s: OptionStatement) =>
    typeof s === 'string' || 'not' in s ? describeStatement(s) : `(${describeStatement(s)})`;
  if (typeof statement === 'string') return statement;
  if ('not' in statement) return `not ${part(statement.not)}`;
  if ('all' in statement) return statement.all.map(part).join(' and ');
  if ('any' in statement) return statement.any.map(part).join(' or ');
  if ('iff' in statement) return `${part(statement.iff[0])} if and only if ${part(statement.iff[1])}`;
  return `if ${part(statement.if)} then ${part(statement.then)}`;
}
