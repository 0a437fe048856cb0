import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE } from '../helpers/scenarios.js';
import { fuzzScenario } from './fuzz.js';

// Fixed seeds: every run of the suite (and CI) checks the same cases; they are listed by class.
// Each case is bounded (fuzz.ts, HANG_MS); the whole run (about 45 s alone on 2 cores) gets room
// for a busy machine.
describe('fuzzed copies of the article scenario', () => {
  it('each end in a model or in diagnostics pointing into the text, never a crash, a hang or a polluted prototype', () => {
    const counts = fuzzScenario(readFileSync(ARTICLE, 'utf8'), 'article.yaml', 3_500, 20261124);
    console.log(`fuzz counts (article): ${JSON.stringify(counts)}`);
    expect(Object.values(counts).reduce((n, c) => n + c.ok + c.diagnostic, 0)).toBe(3_500);
  }, 240_000);
});
