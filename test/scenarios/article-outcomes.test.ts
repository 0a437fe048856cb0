// Scenario tests as a user writes them: only parley's public API and its Vitest matchers.
import { describe, expect, it } from 'vitest';
import { loadScenario, run } from 'parley';
import 'parley/vitest';

const article = loadScenario('scenarios/article.yaml');

describe('the article, from the end of the report', () => {
  it('can still reach every outcome within 30 days', () => {
    for (const outcome of ['ceasefire', 'trilateral-summit', 'bilateral-summit', 'raised-level-istanbul-talks', 'humanitarian-track-only', 'summit-backfires', 'stalemate']) {
      expect(article).toReachOutcome(outcome, { within: 30 });
    }
  });

  it('reaches a trilateral summit only after the guarantees architecture is established', () => {
    expect(article).toReachOutcomeVia('trilateral-summit', ['architecture-established']);
    // Before Zelensky's window, with no guarantees architecture possible, no summit of three.
    expect(article).toNeverReachOutcome('trilateral-summit', { from: 'compromise-signalled' });
  });

  it('cannot reach a stalemate within the first week: the window is still open', () => {
    expect(article).toNeverReachOutcome('stalemate', { within: 7 });
    expect(article).toReachOutcome('stalemate', { within: 8 });
  });

  it('makes a humanitarian-only round more likely than not, and a meeting of Putin and Zelensky all but ruled out', () => {
    expect(article).toHaveOutcomeProbability('humanitarian-track-only', { atLeast: 0.5 });
    expect(article).toHaveOutcomeProbability('trilateral-summit', { atMost: 0.1 });
    // Moscow contradicts the narrative (P2, P13): the meeting waits for it to come round and for a date (P7).
    expect(article).toHaveOutcomeProbability('bilateral-summit', { atMost: 0.02 });
    expect(article).toHaveOutcomeProbability('ceasefire', { atLeast: 0.08, atMost: 0.15, sampled: { runs: 4000, seed: 1 } });
  });

  it('needs Moscow at the table for a ceasefire (P12)', () => {
    expect(article).toRequireEvent('ceasefire', 'ukraine-accepts-raised-level');
  });

  it('keeps Europe at ceasefire-first and moves Ukraine to guarantees-first on day 0', () => {
    const history = run(article);
    expect(history.at('compromise-signalled')).toBeInStance('ukraine', 'guarantees-first');
    expect(history.at(-1)).toBeInStance('europe', 'ceasefire-first');
    expect(history.at(0)).not.toBeInStance('united-states', 'summit-broker');
  });
});
