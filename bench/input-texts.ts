/**
 * Scenario and trace texts grown along one size at a time (unknown keys, paragraphs, enum values,
 * parties, trace moves), from the small fixture `test/fixtures/tiny.yaml`: the input benchmark
 * times them at n and 10n, and the limit tests build them at a limit and one past it.
 */

/** The fixture with `count` more top-level keys, none of them known: `k0: 1`, `k1: 1`, ... */
export function withUnknownKeys(tiny: string, count: number): string {
  return tiny + Array.from({ length: count }, (_, i) => `k${i}: 1\n`).join('');
}

/** The fixture with `count` paragraphs in all (P1, P2, ...), one a line. */
export function withParagraphs(tiny: string, count: number): string {
  const list = Array.from({ length: count }, (_, i) => `    - P${i + 1}\n`).join('');
  return replaceOnce(tiny, '  paragraphs: [P1, P2]\n', `  paragraphs:\n${list}`);
}

/** The fixture with its enum fact `mood` taking `count` values in all (cold, warm, v2, ...). */
export function withEnumValues(tiny: string, count: number): string {
  const extra = Array.from({ length: count - 2 }, (_, i) => `      - v${i + 2}\n`).join('');
  return replaceOnce(tiny, '    values: [cold, warm]\n', `    values:\n      - cold\n      - warm\n${extra}`);
}

/** The fixture with `count` parties in all: its two, and more of one stance each. */
export function withParties(tiny: string, count: number): string {
  const extra = Array.from(
    { length: count - 2 },
    (_, i) =>
      `  p${i}:\n    name: Party ${i}\n    cites: [P1]\n    initial: s\n    stances:\n      s:\n        defines: Stands.\n        cites: [P1]\n`,
  ).join('');
  return replaceOnce(tiny, '\nevents:\n', `\n${extra}events:\n`);
}

/** Mappings nested `depth` deep under a top-level key `x` (the top level is one more). */
export function withNestedMappings(tiny: string, depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${i === 0 ? 'x' : 'a'}:`);
  return `${tiny}${lines.join('\n')}\n${'  '.repeat(depth)}a: 1\n`;
}

/**
 * A trace of the fixture from the end of its timeline: `days` days passing, then the two events
 * that reach `deal`, within a horizon of `horizonDays` (by default just long enough for them; null:
 * none recorded); `final` and `key` as it ends.
 */
export function getDayTrace(days: number, horizonDays: number | null = days + 10): string {
  const trace = {
    parley: 'trace',
    version: 1,
    scenario: 'Tiny talks',
    outcome: 'deal',
    start: { kind: 'after-event', event: 'offer-made' },
    ...(horizonDays !== null && { horizon: { days: horizonDays, maxEvents: null } }),
    moves: [...Array<string>(days).fill('+1 day'), 'softened', 'accepted'],
    final: { day: days, stances: { buyer: 'agreed', seller: 'flexible' }, facts: { offer: 3, mood: 'warm' } },
    key: `{"day":${days},"facts":{"mood":"warm","offer":3},"stances":{"buyer":"agreed","seller":"flexible"}}`,
  };
  return `${JSON.stringify(trace, null, 2)}\n`;
}

function replaceOnce(text: string, find: string, replacement: string): string {
  if (!text.includes(find)) throw new Error(`the fixture has no ${JSON.stringify(find)}`);
  return text.replace(find, replacement);
}
