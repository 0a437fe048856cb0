import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HARBOUR, ROOT } from '../helpers/scenarios.js';
import { fuzzScenario } from './fuzz.js';

describe('fuzzed copies of the smaller scenarios', () => {
  it.each([
    [join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 3_500, 11],
    [HARBOUR, 3_500, 12],
    [join(ROOT, 'scenarios', 'elmira.yaml'), 1_500, 13],
  ])(
    '%s: each ends in a model or in positioned diagnostics',
    (path, runs, seed) => {
      const counts = fuzzScenario(readFileSync(path, 'utf8'), 'fuzzed.yaml', runs, seed);
      console.log(`fuzz counts (${path.split('/').at(-1)}): ${JSON.stringify(counts)}`);
      expect(Object.values(counts).reduce((n, c) => n + c.ok + c.diagnostic, 0)).toBe(runs);
    },
    240_000,
  );
});
