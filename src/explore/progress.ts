/**
 * Where long work stands, as the core reports it: the phase it is in (`searching`, `solving`,
 * `reporting`, `sampling`, ...), how many units of it are done, and how many there are in all
 * when that is known in advance (a search does not know how many states it will find). The core
 * reads no clock: rates and times to go are the caller's to work out.
 */
export interface ProgressReport {
  /** The phase, a word or two: `searching`, `solving`, `reporting`, `sampling`, `removing elements`, ... */
  readonly phase: string;
  /** Units done in this phase so far. */
  readonly done: number;
  /** Units in the whole phase, when known in advance; absent when not (a search's states). */
  readonly total?: number;
  /** What a unit is, plural: `states`, `runs`, `elements`, `solves`, `outcomes`, ... */
  readonly unit: string;
}

/**
 * A progress callback: called now and then (every so many units, cheaply throttled by the core),
 * and once at the end of each phase. It must not throw, and nothing it returns is used.
 */
export type OnProgress = (report: ProgressReport) => void;

/** Reports a phase unit by unit, to `onProgress` (if any). Pure apart from the calls it makes. */
export function reportEach<T, R>(
  items: readonly T[],
  phase: string,
  unit: string,
  onProgress: OnProgress | undefined,
  each: (item: T, index: number) => R,
): R[] {
  const results: R[] = [];
  onProgress?.({ phase, done: 0, total: items.length, unit });
  for (const [i, item] of items.entries()) {
    results.push(each(item, i));
    onProgress?.({ phase, done: i + 1, total: items.length, unit });
  }
  return results;
}
