import { MAX_ENTRIES } from './input-limits.js';
import { formatPath, type DataPath } from './problem.js';

/** A limit on the entries of the collections at a data path (`*` matches any key or index). */
export interface EntryLimit {
  readonly path: readonly string[];
  readonly max: number;
}

/** A collection with more entries than its limit: where, how many, and the limit. */
export interface TooManyEntries {
  readonly path: DataPath;
  readonly count: number;
  readonly max: number;
  readonly message: string;
}

/**
 * Returns the first collection (in the order of the data) with more entries than its limit: the
 * first of `limits` whose path matches, else `MAX_ENTRIES`. Pure; iterative, one visit per value,
 * so it runs before any check whose cost grows with a collection's size.
 */
export function findTooManyEntries(data: unknown, limits: readonly EntryLimit[]): TooManyEntries | undefined {
  const stack: { value: unknown; path: DataPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: DataPath };
    if (typeof value !== 'object' || value === null) continue;
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    const max = limits.find((l) => matches(l.path, path))?.max ?? MAX_ENTRIES;
    if (count > max) {
      const what = keys ? 'keys' : 'items';
      const where = path.length === 0 ? 'the top level' : formatPath(path);
      return {
        path,
        count,
        max,
        message: `${where} has ${count.toLocaleString('en-US')} ${what} (expected at most ${max.toLocaleString('en-US')})`,
      };
    }
    // Pushed last first, so that the first collection of the file is the one reported.
    if (keys)
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    else
      for (let k = (value as unknown[]).length - 1; k >= 0; k--)
        stack.push({ value: (value as unknown[])[k], path: [...path, k] });
  }
  return undefined;
}

function matches(pattern: readonly string[], path: DataPath): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === String(path[i]));
}
