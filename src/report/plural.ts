import { formatCount } from './render-path.js';

/**
 * A count and its noun, the noun singular for exactly 1 and plural otherwise: `1 move`, `4 moves`,
 * `12,000 runs`, `1 party`, `3 parties` (give `pluralNoun` where adding "s" is wrong). The count is
 * written with thousands separators (`formatCount`). Pure; every output that puts a number before a
 * noun (the command line, the diagnostics, the inspector's page) says it through this.
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}
