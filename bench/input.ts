import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScenarioText } from '../src/scenario/check-scenario.js';
import { replayTraceText } from '../src/trace/replay-trace.js';
import type { Model } from '../src/model/model.js';
import { getDayTrace, withEnumValues, withParagraphs, withParties, withUnknownKeys } from './input-texts.js';
import { pairedMedians } from './measure.js';

/**
 * How loading and checking grow with the input: for each size that once grew quadratically
 * (unknown keys, paragraphs, enum values, parties, trace moves), the time to load and check a text
 * at n and at 10n, measured alternately, and their ratio. Linear work gives about 10x; the
 * quadratic checks this replaced gave about 100x.
 */
export function benchInput(): void {
  const tiny = readFileSync(join(process.cwd(), 'test', 'fixtures', 'tiny.yaml'), 'utf8');
  const model = checkScenarioText(tiny, 'tiny.yaml').model as Model;
  const check = (text: string) => () => checkScenarioText(text, 'bench.yaml');
  const cases: { what: string; n: number; make: (n: number) => () => unknown }[] = [
    { what: 'unknown top-level keys', n: 900, make: (n) => check(withUnknownKeys(tiny, n)) },
    { what: 'paragraphs', n: 900, make: (n) => check(withParagraphs(tiny, n)) },
    { what: 'enum values', n: 90, make: (n) => check(withEnumValues(tiny, n)) },
    { what: 'parties', n: 90, make: (n) => check(withParties(tiny, n)) },
    {
      what: 'trace moves (parse and replay)',
      n: 1000,
      make: (n) => {
        const text = getDayTrace(n);
        return () => replayTraceText(model, text);
      },
    },
  ];
  console.log('\n## input: load and check at n and 10n (paired medians of 5)');
  for (const { what, n, make } of cases) {
    const small = make(n);
    const large = make(10 * n);
    const paired = pairedMedians(large, small, 5);
    console.log(
      `${what}: ${n.toLocaleString('en-US')} ${paired.b.toFixed(1)} ms, ${(10 * n).toLocaleString('en-US')} ${paired.a.toFixed(1)} ms: ${paired.ratio.toFixed(1)}x for 10x the size`,
    );
  }
}
