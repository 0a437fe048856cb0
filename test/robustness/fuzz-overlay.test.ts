import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/scenarios.js';
import { fuzzScenario } from './fuzz.js';

const OVERLAY = join(ROOT, 'scenarios', 'what-if', 'moscow-at-the-table.yaml');

describe('fuzzed copies of the what-if overlay, read with the base it extends', () => {
  it('each end in a model or in diagnostics pointing into one of the files', () => {
    const counts = fuzzScenario(readFileSync(OVERLAY, 'utf8'), OVERLAY, 1_500, 13, dirname(OVERLAY));
    console.log(`fuzz counts (moscow-at-the-table.yaml): ${JSON.stringify(counts)}`);
    expect(Object.values(counts).reduce((n, c) => n + c.ok + c.diagnostic, 0)).toBe(1_500);
    // The unmutated overlay loads: the ok column is not empty by accident.
    expect(Object.values(counts).reduce((n, c) => n + c.ok, 0)).toBeGreaterThan(0);
  }, 240_000);
});
