import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CheckedScenario } from '../../src/scenario/check-scenario.js';
import { checkScenarioText } from '../../src/scenario/check-scenario.js';
import { checkScenarioTextAt } from '../../src/scenario/read-scenario.js';
import { arbitraryMutant, MUTATION_CLASSES, type MutationClass } from './mutations.js';

/** How many mutants of each class ended in a model (`ok`) and how many in diagnostics. */
export type FuzzCounts = Record<MutationClass, { ok: number; diagnostic: number }>;

/**
 * What a fuzzed file may end in: a model, or diagnostics that each point into the text. Written
 * with node:assert, not vitest's expect, because it runs in the fuzz pool's worker threads.
 */
export function expectCleanEnding(checked: CheckedScenario, text: string): 'ok' | 'diagnostic' {
  if (checked.model) return 'ok';
  assert.ok(
    checked.diagnostics.some((d) => d.severity === 'error'),
    'no model, yet no error',
  );
  for (const d of checked.diagnostics) {
    assert.ok(d.message.length > 0, `an empty message (${d.code})`);
    if (d.file === undefined) {
      assert.ok(d.span.start >= 0, `${d.code}: span starts at ${d.span.start}`);
      assert.ok(d.span.end >= d.span.start, `${d.code}: span ends before it starts`);
      assert.ok(d.span.end <= text.length, `${d.code}: span ends at ${d.span.end}, past the text's ${text.length}`);
    }
  }
  return 'diagnostic';
}

/** Returns counts of every class at zero. Pure. */
export function createFuzzCounts(): FuzzCounts {
  return Object.fromEntries(MUTATION_CLASSES.map((k) => [k, { ok: 0, diagnostic: 0 }])) as FuzzCounts;
}

/** Adds `more` into `into`. */
export function addFuzzCounts(into: FuzzCounts, more: FuzzCounts): void {
  for (const k of MUTATION_CLASSES) {
    into[k].ok += more[k].ok;
    into[k].diagnostic += more[k].diagnostic;
  }
}

/**
 * Checks `runs` mutants of a scenario text: each must end in a model or positioned diagnostics
 * without touching Object.prototype; a failure is shrunk by fast-check and thrown. Returns the
 * counts by class and ending. With `dir`, the text is checked as a file there, so that an
 * `extends` is read (an overlay).
 *
 * No case is timed: the mutants are the text with at most about 12 KB added (the deepest nesting),
 * and the reader refuses what is past its limits (4 MB, 64 levels of nesting, 10,000 nodes
 * named by aliases) before a parser could run away on it, so each case is bounded by its input. A case
 * that never ended would still fail its test, by vitest's timeout.
 */
export function fuzzScenario(text: string, file: string, runs: number, seed: number, dir?: string): FuzzCounts {
  const counts = createFuzzCounts();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  fc.assert(
    fc.property(arbitraryMutant(text), (mutant) => {
      const checked =
        dir === undefined ? checkScenarioText(mutant.text, file) : checkScenarioTextAt(mutant.text, file, dir);
      const ending = expectCleanEnding(checked, mutant.text);
      counts[mutant.kind][ending]++;
      assert.equal(
        Object.getOwnPropertyNames(Object.prototype).sort().join(),
        prototypeKeys,
        'Object.prototype changed',
      );
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
    }),
    { numRuns: runs, seed },
  );
  return counts;
}
