import type * as z from 'zod';
import type { DataPath, Problem } from './problem.js';

/** The entry maps whose broken entries can be set aside so that the rest of a file is still checked. */
const ENTRY_MAPS = ['facts', 'parties', 'events', 'outcomes'] as const;
const TEXT_FIELDS = ['title', 'description', 'dayZero'];
const SOURCE_WORDS = new Set(['title', 'publisher', 'url', 'note']);
/** Keys of an entry that only say something in words: a wrong one can be replaced and the entry kept. */
const WORDS = new Set(['name', 'voice', 'defines', 'summary', 'quote', 'means', 'describes', 'dayNote']);
/** Keys of an event that nothing else refers to: a wrong one can be dropped and the event kept. */
const OWN_EVENT_KEYS = new Set(['window', 'by']);
/** Conditions, replaced by the empty condition when wrong (the rest of the entry is still checked). */
const CONDITIONS = new Set(['when', 'requires']);

/** A file's data with the parts the schema rejected set aside or replaced, and what was done. */
export interface Salvage {
  readonly data: unknown;
  /** The ids of the entries set aside whole (a party, stance, event, fact or outcome). */
  readonly setAside: ReadonlySet<string>;
  /** The places whose values were replaced or removed: a problem there follows from the schema's. */
  readonly repaired: readonly DataPath[];
  /** The parties some of whose stances or transitions were set aside: which stances they enter is not known. */
  readonly partial: ReadonlySet<string>;
  /** The events some of whose effects were set aside: whether they change anything is not known. */
  readonly touchedEvents: ReadonlySet<string>;
}

/**
 * Returns a copy of the data with the parts the schema rejected set aside, so that the reference
 * checks can still report on everything else. Pure. A part is set aside as narrowly as its
 * meaning allows: a wrong text or citation is replaced and its entry kept, a wrong stance or
 * transition is removed and its party kept, a wrong condition becomes the empty one, and only a
 * wrong kind, type or shape sets a whole entry aside. Undefined when a rejected part cannot be
 * set aside (the format version, the source, or the whole of a map), since the rest cannot be
 * checked without it.
 */
export function salvageData(
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  previous?: Salvage,
): Salvage | undefined {
  if (!isRecord(data)) return undefined;
  const copy = structuredClone(data);
  const setAside = new Set(previous?.setAside);
  const repaired: DataPath[] = [...(previous?.repaired ?? [])];
  const partial = new Set(previous?.partial);
  const touchedEvents = new Set(previous?.touchedEvents);
  const badTimelineItems = new Set<number>();
  const replace = (path: DataPath, value: unknown) => {
    setValue(copy, path, value);
    repaired.push(path);
  };
  const remove = (path: DataPath) => {
    deleteValue(copy, path);
    repaired.push(path);
  };
  let issueKeys: readonly string[] | undefined;
  for (const issue of issues) {
    const path = issue.path as DataPath;
    issueKeys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    const [head, entry, key, ...rest] = path;
    if (typeof head === 'string' && TEXT_FIELDS.includes(head)) copy[head] = 'set aside';
    else if ((ENTRY_MAPS as readonly unknown[]).includes(head) && typeof entry === 'string') {
      const map = copy[head as string];
      if (!isRecord(map)) return undefined;
      if (!isRecord(map[entry])) {
        delete map[entry];
        setAside.add(entry);
        continue;
      }
      const at: DataPath = [head as string, entry];
      if (key === undefined && issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) remove([...at, k]);
      } else if (typeof key === 'string' && WORDS.has(key)) replace([...at, key], 'set aside');
      else if (key === 'cites') replace([...at, key], ['set-aside']);
      else if (head === 'parties' && typeof key === 'string' && salvagePartyPart(entry, key, rest)) continue;
      else if (head === 'events' && typeof key === 'string' && salvageEventPart(entry, key, rest)) continue;
      else if (head === 'outcomes' && key === 'when') replace([...at, key], {});
      else {
        delete map[entry];
        setAside.add(entry);
      }
    } else if (head === 'notes' && typeof entry === 'string' && isRecord(copy.notes)) remove(['notes', entry]);
    else if (head === 'source' && typeof entry === 'string' && SOURCE_WORDS.has(entry))
      replace(['source', entry], 'set aside');
    else if (head === 'likelihoodWindow') remove([head]);
    else if (head === 'timeline' && typeof entry === 'number') badTimelineItems.add(entry);
    else if (head === 'timeline' && Array.isArray(copy.timeline)) continue;
    else if (issue.code === 'unrecognized_keys' && path.length === 0) {
      for (const k of issue.keys) delete copy[k];
    } else return undefined;
  }
  if (Array.isArray(copy.timeline)) copy.timeline = copy.timeline.filter((_, i) => !badTimelineItems.has(i));
  return { data: copy, setAside, repaired, partial, touchedEvents };

  /** Sets aside the wrong part of a party; false when only the whole party can go. */
  function salvagePartyPart(party: string, key: string, rest: DataPath): boolean {
    const at: DataPath = ['parties', party];
    if (key === 'prefers' || key === 'prioritises') {
      remove([...at, key]);
      return true;
    }
    if (key === 'initial') {
      const stances = getValue(copy, [...at, 'stances']);
      const first = isRecord(stances) ? Object.keys(stances)[0] : undefined;
      if (first === undefined) return false;
      replace([...at, key], first);
      partial.add(party);
      return true;
    }
    const [stance, part, event, ...inside] = rest;
    if (key !== 'stances' || typeof stance !== 'string') return false;
    const stanceAt: DataPath = [...at, 'stances', stance];
    if (part === 'defines') replace([...stanceAt, part], 'set aside');
    else if (part === 'cites') replace([...stanceAt, part], ['set-aside']);
    else if (part === undefined && issueKeys !== undefined) for (const k of issueKeys) remove([...stanceAt, k]);
    else if (part === 'on' && typeof event === 'string') {
      partial.add(party);
      const when = inside.indexOf('when');
      if (when !== -1) replace([...stanceAt, 'on', event, ...inside.slice(0, when + 1)], {});
      else remove([...stanceAt, 'on', event]);
    } else {
      // The stance itself is wrong (or its `on` is not a mapping): references to it are not told.
      remove(stanceAt);
      setAside.add(stance);
      partial.add(party);
    }
    return true;
  }

  /** Sets aside the wrong part of an event; false when only the whole event can go (a wrong kind). */
  function salvageEventPart(event: string, key: string, rest: DataPath): boolean {
    const at: DataPath = ['events', event];
    if (key === 'likelihood') replace([...at, key], 0.5);
    else if (key === 'day' || OWN_EVENT_KEYS.has(key)) remove([...at, key]);
    else if (CONDITIONS.has(key)) replace([...at, key], {});
    else if (key === 'urgent') replace([...at, key], true);
    else if (key === 'set' || key === 'add') {
      remove(typeof rest[0] === 'string' ? [...at, key, rest[0]] : [...at, key]);
      touchedEvents.add(event);
    } else return false;
    return true;
  }
}

/**
 * True when a problem found in salvaged data only follows from what was set aside or replaced:
 * a reference to an entry set aside, a problem at a place repaired, a missing key that was
 * removed, or a warning that cannot be told without the parts set aside. Pure.
 */
export function followsFromSalvage(p: Problem, salvage: Salvage): boolean {
  const under = (path: DataPath, prefix: DataPath) =>
    prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
  if (p.code === 'unknown-reference' && p.reference !== undefined && salvage.setAside.has(p.reference)) return true;
  if (salvage.repaired.some((r) => under(p.path, r))) return true;
  if (p.missing !== undefined && salvage.repaired.some((r) => under([...p.path, p.missing as string], r))) return true;
  if (p.code === 'missing-key' && p.path.length === 1 && salvage.setAside.size > 0) return true;
  const id = p.path[1];
  // Warnings that need the whole of a party or event: what was set aside might change them.
  if (p.code === 'unreachable-stance') return salvage.partial.has(id as string);
  if (p.code === 'inert-event') return salvage.touchedEvents.has(id as string) || salvage.partial.size > 0;
  return p.code === 'unused-historical-event';
}

function getValue(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path)
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function setValue(data: Record<string, unknown>, path: DataPath, value: unknown): void {
  const parent = getValue(data, path.slice(0, -1));
  if (isRecord(parent) || Array.isArray(parent))
    (parent as Record<string | number, unknown>)[path[path.length - 1] as string] = value;
}

function deleteValue(data: Record<string, unknown>, path: DataPath): void {
  const parent = getValue(data, path.slice(0, -1));
  if (isRecord(parent)) delete parent[path[path.length - 1] as string];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
