// Every result the library returns is deeply frozen: a caller that changes one cannot change what
// a later call, or a matcher that reads the same cached exploration, is told.
import { describe, expect, it } from 'vitest';
import { check, explore, loadScenario, sample, stability, why } from 'parley';
import 'parley/vitest';

const article = loadScenario('scenarios/article.yaml');

describe('results', () => {
  it('cached or not, cannot be changed, and later calls and matchers are unaffected', () => {
    const first = explore(article);
    const order = first.outcomes.map((o) => o.id);
    const ceasefire = first.outcomes.find((o) => o.id === 'ceasefire')?.probability as number;
    expect(() => (first.outcomes as unknown as string[]).reverse()).toThrow(TypeError);
    expect(() => {
      (first.outcomes[0] as { probability: number | null }).probability = 1;
    }).toThrow(TypeError);
    expect(() => (first.outcomes[0]?.witness?.moves as unknown as string[]).push('x')).toThrow(TypeError);
    const again = explore(article);
    expect(again).toBe(first);
    expect(again.outcomes.map((o) => o.id)).toEqual(order);
    expect(article).toHaveOutcomeProbability('ceasefire', { atLeast: ceasefire - 1e-12, atMost: ceasefire + 1e-12 });
  });

  it('of every question are frozen too', async () => {
    for (const result of [
      why(article, 'ceasefire'),
      check(article, 'eventually ceasefire within 14 days'),
      stability(article),
      await sample(article, { runs: 50, seed: 1, workers: 1 }),
    ])
      expect(
        Object.isFrozen(result) &&
          Object.values(result).every((v) => typeof v !== 'object' || v === null || Object.isFrozen(v)),
      ).toBe(true);
  });
});
