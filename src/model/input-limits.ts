/**
 * The sizes parley reads, each measured before any recursive or allocating code sees the input,
 * and refused past its limit with one positioned `too-large` diagnostic. A scenario is a few
 * hundred lines; each limit is far past what one needs, and close enough that the work it allows
 * stays seconds, not minutes. The README's Reliability section lists them with the tests that
 * prove them; change one here and there.
 */

/** The largest scenario, overlay, trace or source text read, in bytes (a scenario is a few dozen KB). */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/** Mappings and lists nested deeper than this are refused: no scenario needs them, and they could exhaust the stack. */
export const MAX_NESTING = 64;

/**
 * Aliases may expand a file exponentially: past this many nodes that its aliases stand for, all
 * together (see `countAliasedNodes`), the file is refused. A scenario that names a shared
 * `requires` from each of its events stays far below it.
 */
export const MAX_ALIASED_NODES = 10_000;

/** The most keys of one mapping, or items of one list, where no tighter limit below applies. */
export const MAX_ENTRIES = 10_000;

/** The longest id (party, stance, event, fact, outcome, enum value, paragraph), in characters. */
export const MAX_ID_LENGTH = 256;

/**
 * The most entries of a scenario's collections, by the data path that holds them (`*` is any
 * key). The explorer's joint state grows with each of these, so their limits are tighter than
 * `MAX_ENTRIES`.
 */
export const MAX_SCENARIO_ENTRIES: readonly { readonly path: readonly string[]; readonly max: number }[] = [
  { path: ['parties'], max: 1000 },
  { path: ['parties', '*', 'stances'], max: 1000 },
  { path: ['facts'], max: 1000 },
  { path: ['facts', '*', 'values'], max: 1000 },
  { path: ['outcomes'], max: 1000 },
  { path: ['events'], max: MAX_ENTRIES },
  { path: ['timeline'], max: MAX_ENTRIES },
  { path: ['source', 'paragraphs'], max: MAX_ENTRIES },
];

/**
 * The most options of an option-form scenario, all parties together: it expands to a state per
 * combination (2^10 = 1,024 here, a few seconds to expand; 12 options took 24 s).
 */
export const MAX_OPTIONS = 10;

/**
 * The most moves of a trace: the days of the longest horizon a search takes (100,000) and as
 * many events again.
 */
export const MAX_TRACE_MOVES = 200_000;

/** The longest query `parley check` reads, in characters. */
export const MAX_QUERY_LENGTH = 4096;

/**
 * The deepest a query's formula may nest (parentheses and `not`), and the most `and`/`or`
 * operators it may hold: its parser and its evaluator recurse once per level.
 */
export const MAX_QUERY_DEPTH = 64;
export const MAX_QUERY_OPERATORS = 256;

/** Past this many diagnostics of one code, the rest are summed up in one line (the first ones show the pattern). */
export const MAX_DIAGNOSTICS_PER_CODE = 20;
