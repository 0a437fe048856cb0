import type * as z from 'zod';
import type { DataPath } from './problem.js';

/** The entry maps whose broken entries can be set aside so that the rest of a file is still checked. */
const ENTRY_MAPS = ['facts', 'parties', 'events', 'outcomes'] as const;
const TEXT_FIELDS = ['title', 'description', 'dayZero'];

/** A file's data with the entries the schema rejected set aside, and the ids of those entries. */
export interface Salvage {
  readonly data: unknown;
  readonly setAside: ReadonlySet<string>;
}

/**
 * Returns a copy of the data without the entries the schema rejected, so that the reference checks
 * can still report on everything else. Pure. Undefined when a rejected part cannot be set aside
 * (the format version, the source, or the whole of a map), since the rest cannot be checked
 * without it.
 */
export function salvageData(data: unknown, issues: readonly z.core.$ZodIssue[]): Salvage | undefined {
  if (!isRecord(data)) return undefined;
  const copy: Record<string, unknown> = { ...data };
  for (const key of ENTRY_MAPS) if (isRecord(copy[key])) copy[key] = { ...(copy[key] as object) };
  if (Array.isArray(copy.timeline)) copy.timeline = [...copy.timeline];
  const setAside = new Set<string>();
  const badTimelineItems = new Set<number>();
  for (const issue of issues) {
    const path = issue.path as DataPath;
    const [head, entry] = path;
    if (typeof head === 'string' && TEXT_FIELDS.includes(head)) copy[head] = 'set aside';
    else if (
      (ENTRY_MAPS as readonly unknown[]).includes(head) &&
      typeof entry === 'string' &&
      isRecord(copy[head as string])
    ) {
      delete (copy[head as string] as Record<string, unknown>)[entry];
      setAside.add(entry);
    } else if (head === 'timeline' && typeof entry === 'number') badTimelineItems.add(entry);
    else if (head === 'timeline' && Array.isArray(copy.timeline)) continue;
    else if (issue.code === 'unrecognized_keys' && path.length === 0) {
      for (const key of issue.keys) delete copy[key];
    } else return undefined;
  }
  if (Array.isArray(copy.timeline)) copy.timeline = copy.timeline.filter((_, i) => !badTimelineItems.has(i));
  return { data: copy, setAside };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
