import { OptionError } from '../analysis/option-error.js';
import { didYouMean, listIds } from '../model/suggest.js';
import type { OptionRule } from './option-rules.js';

/** The options a function takes, each with what it accepts. */
export type OptionRules = Readonly<Record<string, OptionRule>>;

/**
 * Checks a library caller's options against the rules of the function they were given to, as the
 * command line checks its flags: every unknown name (with the nearest known one) and every value
 * that is not what its option accepts is named, all at once. Throws `OptionError`; pure otherwise.
 * An option given as `undefined` counts as left out; `required` names those that must be given.
 */
export function validateOptions(
  context: string,
  options: unknown,
  rules: OptionRules,
  required: readonly string[] = [],
): void {
  if (options === undefined && required.length === 0) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new OptionError(`${context}: expected its options as an object, got ${describeValue(options)}`);
  const known = Object.keys(rules);
  const problems: string[] = [];
  for (const name of required)
    if ((options as Record<string, unknown>)[name] === undefined)
      problems.push(`option "${name}" is required (expected ${rules[name]?.expected ?? 'a value'})`);
  for (const [name, value] of Object.entries(options)) {
    const rule = rules[name];
    if (!rule) {
      const hint = didYouMean(name, known);
      problems.push(`unknown option "${name}"${hint ? ` (${hint})` : ''}; its options are ${listIds(known)}`);
    } else if (value !== undefined && !rule.schema.safeParse(value).success)
      problems.push(`option "${name}" expected ${rule.expected}, got ${describeValue(value)}`);
  }
  if (problems.length > 0) throw new OptionError(`${context}: ${problems.join('; ')}`);
}

/** A value as a message shows it: strings quoted, numbers as written (`NaN`), objects as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null)
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
