import type * as z from 'zod';
import { formatPath, error, type DataPath, type Problem } from './problem.js';
import { getAllowedKeys, getValueAt } from './schema-keys.js';
import { didYouMean, listIds } from './suggest.js';
import { suggestEstimativeWord } from './suggest-estimative-word.js';

/**
 * Turns the schema's complaints about a file into problems a person can act on: what was found,
 * where, and what was expected. Pure.
 */
export function getSchemaProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], data: unknown): Problem[] {
  return issues.flatMap((issue) => toProblems(schema, issue, data));
}

function toProblems(schema: z.ZodType, issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = issue.path as DataPath;
  const found = getValueAt(data, path);
  const where = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = getAllowedKeys(schema, path, data) ?? [];
      return issue.keys.map((key) =>
        error(
          'unknown-key',
          [...path, key],
          `unknown key "${key}" in ${where} (expected one of: ${listIds(allowed)})`,
          {
            at: 'key',
            hint: didYouMean(key, allowed),
          },
        ),
      );
    }
    case 'invalid_type': {
      const last = path[path.length - 1];
      if (last === 'timeline' && path.length === 1 && found === null)
        return [error('empty-timeline', path, 'the timeline is empty (expected at least one historical event id)')];
      if (found === undefined && typeof last === 'string') {
        const code = last === 'cites' ? 'missing-citation' : 'missing-key';
        const parent = formatPath(path.slice(0, -1));
        return [
          error(
            code,
            path.slice(0, -1),
            `missing "${last}" in ${parent} (expected ${expectedType(issue.expected, last)})`,
            { at: 'key' },
          ),
        ];
      }
      return [
        error('wrong-type', path, `${where} is ${describe(found)} (expected ${expectedType(issue.expected, last)})`),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      const hint = typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : undefined;
      return [error('invalid-value', path, `${where} is ${describe(found)} (expected ${expected})`, { hint })];
    }
    case 'too_small': {
      const last = path[path.length - 1];
      if (issue.origin === 'array' && Number(issue.minimum) === 1) {
        if (last === 'cites')
          return [error('missing-citation', path, `${where} cites nothing (expected at least one paragraph id)`)];
        if (last === 'timeline')
          return [error('empty-timeline', path, 'the timeline is empty (expected at least one historical event id)')];
        return [error('invalid-value', path, `${where} is an empty list (expected at least one entry)`)];
      }
      if (issue.origin === 'string') return [error('invalid-value', path, `${where} is empty (expected some text)`)];
      return [
        error(
          'invalid-value',
          path,
          `${where} is ${describe(found)} (expected ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum})`,
        ),
      ];
    }
    case 'too_big':
      // A text too long says so in characters (an id past MAX_ID_LENGTH).
      return [
        error(
          'invalid-value',
          path,
          issue.origin === 'string'
            ? `${where} is ${(found as string).length} characters long (${issue.message})`
            : `${where} is ${describe(found)} (expected ${issue.inclusive ? 'at most' : 'below'} ${issue.maximum})`,
        ),
      ];
    case 'invalid_format':
      return [error('invalid-value', path, `${where} is ${describe(found)} (${issue.message})`)];
    case 'invalid_key': {
      const tooLong = issue.issues.find((i) => i.code === 'too_big');
      return [
        error(
          'invalid-value',
          path,
          tooLong
            ? `${where} has a key ${String(path[path.length - 1]).length} characters long (${tooLong.message})`
            : `${where} has a key that is not an id (expected a letter, then letters, digits, "-" or "_")`,
          { at: 'key' },
        ),
      ];
    }
    case 'invalid_union': {
      const last = path[path.length - 1];
      if (found === undefined && typeof last === 'string')
        return [
          error(
            'missing-key',
            path.slice(0, -1),
            `missing "${last}" in ${formatPath(path.slice(0, -1))} (${issue.message !== 'Invalid input' ? issue.message : `expected ${unionExpectations(issue)}`})`,
            { at: 'key' },
          ),
        ];
      // When the value is a mapping of exactly one branch's kind (its complaints are about keys or
      // what is inside), they say precisely what is wrong, where: `below: "6"`, not "a mapping".
      const inside = issue.errors.filter(
        (branch) => branch.length > 0 && branch.every((e) => e.path.length > 0 || e.code === 'unrecognized_keys'),
      );
      if (inside.length === 1)
        return (inside[0] as z.core.$ZodIssue[]).flatMap((inner) =>
          toProblems(schema, { ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, data),
        );
      // A branch that got past the type check means the value has the right type but is not allowed.
      const branchIssues = issue.errors.flat().filter((e) => e.path.length === 0);
      const code = branchIssues.some((e) => e.code !== 'invalid_type') ? 'invalid-value' : 'wrong-type';
      const allowed = branchIssues.flatMap((e) => (e.code === 'invalid_value' ? e.values.map(String) : []));
      const hint = typeof found === 'string' ? didYouMean(found, allowed) : undefined;
      const expected = issue.message !== 'Invalid input' ? issue.message : `expected ${unionExpectations(issue)}`;
      return [error(code, path, `${where} is ${describe(found)} (${expected})`, { hint })];
    }
    case 'custom': {
      const hint = issue.params?.['estimative'] && typeof found === 'string' ? suggestEstimativeWord(found) : undefined;
      return [error('invalid-value', path, `${where} is ${describe(found)} (${issue.message})`, { hint })];
    }
    default:
      return [error('invalid-value', path, `${where}: ${issue.message}`)];
  }
}

function unionExpectations(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type' && inner.path.length === 0)
        expected.add(expectedType(inner.expected, undefined));
    }
  }
  return expected.size > 0 ? [...expected].join(' or ') : 'another shape';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function expectedType(expected: string, key: string | number | undefined): string {
  if (key === 'cites') return 'a list of paragraph ids such as [P7]';
  return TYPE_WORDS[expected] ?? expected;
}

/** Describes a found value for a message: `the number 3`, `text "x"`, `a list`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}
