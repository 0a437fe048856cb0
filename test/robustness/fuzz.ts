import fc from 'fast-check';
import { expect } from 'vitest';
import type { CheckedScenario } from '../../src/scenario/check-scenario.js';
import { checkScenarioText } from '../../src/scenario/check-scenario.js';
import { checkScenarioTextAt } from '../../src/scenario/read-scenario.js';
import { arbitraryMutant, MUTATION_CLASSES, type MutationClass } from './mutations.js';

/** What a fuzzed file may end in: a model, or diagnostics that each point into the text. */
export function expectCleanEnding(checked: CheckedScenario, text: string): 'ok' | 'diagnostic' {
  if (checked.model) return 'ok';
  expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of checked.diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    if (d.file === undefined) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
      expect(d.span.end).toBeLessThanOrEqual(text.length);
    }
  }
  return 'diagnostic';
}

/** Slower than this, a case counts as a hang (a guard against runaway input, not a speed test). */
export const HANG_MS = 10_000;

/**
 * Checks `runs` mutants of a scenario text: each must end in a model or positioned diagnostics,
 * within HANG_MS, without touching Object.prototype. Returns the counts by class and ending. With
 * `dir`, the text is checked as a file there, so that an `extends` is read (an overlay).
 */
export function fuzzScenario(
  text: string,
  file: string,
  runs: number,
  seed: number,
  dir?: string,
): Record<MutationClass, { ok: number; diagnostic: number }> {
  const counts = Object.fromEntries(MUTATION_CLASSES.map((k) => [k, { ok: 0, diagnostic: 0 }])) as Record<
    MutationClass,
    { ok: number; diagnostic: number }
  >;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  fc.assert(
    fc.property(arbitraryMutant(text), (mutant) => {
      const started = performance.now();
      const checked =
        dir === undefined ? checkScenarioText(mutant.text, file) : checkScenarioTextAt(mutant.text, file, dir);
      expect(performance.now() - started).toBeLessThan(HANG_MS);
      const ending = expectCleanEnding(checked, mutant.text);
      counts[mutant.kind][ending]++;
      expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }),
    { numRuns: runs, seed },
  );
  return counts;
}
