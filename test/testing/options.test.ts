// The library and its matchers refuse what the command line refuses, naming the option and what it
// expected: no bad option falls back to a default or lets an assertion pass vacuously.
import { describe, expect, it } from 'vitest';
import { check, explore, loadScenario, run, sample, stability, why } from 'parley';
import 'parley/vitest';
import { MAX_WORKERS } from '../../src/options/api-option-rules.js';
import { MAX_HORIZON_DAYS } from '../../src/options/question-option-rules.js';

const article = loadScenario('scenarios/article.yaml');
/** Options as plain JavaScript passes them: whatever the types say. */
const loose = <T>(value: unknown) => value as T;

describe("the library's options", () => {
  it('name the option, what it expected and what it got, for every function', () => {
    expect(() => explore(article, { within: 0 })).toThrow(
      'explore: option "within" expected a whole number of days from 1 to 100,000, or { days?: a whole number of days from 1 to 100,000, events?: a whole number of events of at least 0 }, got 0',
    );
    expect(() => explore(article, { within: Number.NaN })).toThrow('option "within" expected');
    expect(() => explore(article, { within: { events: -1 } })).toThrow('got {"events":-1}');
    expect(() => explore(article, loose({ within: 'seven' }))).toThrow('got "seven"');
    expect(() => explore(article, { maxStates: 0 })).toThrow(
      'explore: option "maxStates" expected a whole number of at least 1, got 0',
    );
    expect(() => why(article, 'ceasefire', loose({ witihn: 7 }))).toThrow(
      'why: unknown option "witihn" (did you mean "within"?); its options are from, without, within, maxStates, shouldStop, onProgress, maxSetSize, path',
    );
    expect(() => check(article, 'eventually ceasefire', loose({ path: 'quickest' }))).toThrow(
      'check: option "path" expected one of "shortest", "likeliest", got "quickest"',
    );
    expect(() => stability(article, loose({ concepts: ['nash', 'gm'] }))).toThrow('option "concepts" expected');
    expect(() => run(article, loose({ from: { day: 'ten' } }))).toThrow(
      `run: option "from" expected a timeline event's id, or { day: a whole number from -1,000,000,000 to 1,000,000,000 }, got {"day":"ten"}`,
    );
    expect(() => explore(article, loose('seven'))).toThrow('explore: expected its options as an object, got "seven"');
  });

  it('every problem at once', () => {
    expect(() => explore(article, loose({ within: 0, maxStates: -1, witihn: 3 }))).toThrow(
      /option "within" .*; option "maxStates" .*; unknown option "witihn"/,
    );
  });

  it('sample refuses no runs, a missing seed and too many workers', async () => {
    await expect(sample(article, { runs: 0, seed: 1 })).rejects.toThrow(
      'sample: option "runs" expected a whole number of at least 1, got 0',
    );
    await expect(sample(article, loose({ runs: 10 }))).rejects.toThrow('sample: option "seed" is required');
    await expect(sample(article, { runs: 10, seed: 1, workers: 1000 })).rejects.toThrow(
      `option "workers" expected a whole number from 1 to ${MAX_WORKERS} (2 for each core of this machine), got 1000`,
    );
    await expect(sample(article, { runs: 10, seed: 1, workers: MAX_WORKERS + 1 })).rejects.toThrow(
      `got ${MAX_WORKERS + 1}`,
    );
    // At the limit: as many threads as it allows sample (only as many as there are runs start).
    expect((await sample(article, { runs: 2, seed: 1, workers: MAX_WORKERS })).runs).toBe(2);
  });

  it('a horizon is at most MAX_HORIZON_DAYS days, in every function and matcher, refused before any search', () => {
    // Just over the limit, and far over it (2^31 days once ran out of memory before the search began).
    for (const days of [MAX_HORIZON_DAYS + 1, 2 ** 31]) {
      expect(() => explore(article, { within: days })).toThrow(
        `explore: option "within" expected a whole number of days from 1 to 100,000, or`,
      );
      expect(() => why(article, 'ceasefire', { within: { days } })).toThrow(`got {"days":${days}}`);
      expect(() => check(article, 'eventually ceasefire', { within: days })).toThrow('option "within"');
      expect(() => expect(article).toReachOutcome('ceasefire', { within: days })).toThrow(
        'toReachOutcome: option "within" expected a whole number of days from 1 to 100,000',
      );
    }
    // At the limit, the horizon is taken (the search itself is cut short by maxStates).
    const result = explore(article, { within: MAX_HORIZON_DAYS, maxStates: 1000 });
    expect(result.horizon.days).toBe(MAX_HORIZON_DAYS);
  });

  it("a query's `within N days` is held to the same limit, with its column", () => {
    const over = `eventually ceasefire within ${MAX_HORIZON_DAYS + 1} days`;
    expect(() => check(article, over)).toThrow(
      `query:29: "within 100001 days" looks too far ahead: expected a whole number of days from 1 to 100,000\n  ${over}\n                              ^`,
    );
    const at = check(article, `eventually ceasefire within ${MAX_HORIZON_DAYS} days`, { maxStates: 1000 });
    expect(at.horizon.days).toBe(MAX_HORIZON_DAYS);
  });
});

describe('the matchers refuse what cannot be asked, in either form', () => {
  it('horizons of no days, negative event limits, a string for days, a misspelt key', () => {
    expect(() => expect(article).toNeverReachOutcome('ceasefire', { within: 0 })).toThrow(
      'toNeverReachOutcome: option "within" expected a whole number of days from 1 to 100,000',
    );
    expect(() => expect(article).not.toReachOutcome('ceasefire', { within: -3 })).toThrow('got -3');
    expect(() => expect(article).toReachOutcome('ceasefire', { within: { events: -1 } })).toThrow(
      'events?: a whole number of events of at least 0',
    );
    expect(() => expect(article).toReachOutcome('ceasefire', loose({ within: 'seven' }))).toThrow('got "seven"');
    expect(() => expect(article).not.toReachOutcome('ceasefire', loose({ witihn: 7 }))).toThrow(
      'unknown option "witihn" (did you mean "within"?)',
    );
  });

  it('probability bounds that are not probabilities, or that nothing satisfies, or none at all', () => {
    expect(() => expect(article).toHaveOutcomeProbability('ceasefire', { atLeast: 5 })).toThrow(
      'option "atLeast" expected a probability from 0 to 1, got 5',
    );
    expect(() => expect(article).not.toHaveOutcomeProbability('ceasefire', { atLeast: 0.5, atMost: 0.1 })).toThrow(
      'atLeast (0.5) is above atMost (0.1)',
    );
    expect(() => expect(article).toHaveOutcomeProbability('ceasefire', loose(undefined))).toThrow(
      'toHaveOutcomeProbability: expected atLeast, atMost or both',
    );
    expect(() =>
      expect(article).toHaveOutcomeProbability('ceasefire', { atLeast: 0.1, sampled: { runs: 0, seed: 1 } }),
    ).toThrow('option "sampled" expected { runs: a whole number of at least 1, seed: a string or a number }');
  });

  it('an empty list of events, an unknown event with the nearest one, a historical event said to be one', () => {
    expect(() => expect(article).toReachOutcomeVia('ceasefire', [])).toThrow(
      'toReachOutcomeVia: expected a list of at least one hypothetical event',
    );
    expect(() => expect(article).toRequireEvent('ceasefire', 'architecture-establshed')).toThrow(
      'toRequireEvent: "architecture-establshed" is not an event of the scenario (did you mean "architecture-established"?)',
    );
    const historical = article.model.timeline[0] as string;
    expect(() => expect(article).toRequireEvent('ceasefire', historical)).toThrow(
      `toRequireEvent: "${historical}" is a historical event`,
    );
  });

  it('.not.toRequireEvent fails, as the positive form does, on an outcome that cannot be reached', () => {
    const never = /cannot be reached at all/;
    // After the eleventh timeline event no trilateral summit can be reached (checked first).
    const from = article.model.timeline[10] as string;
    expect(explore(article, { from }).outcomes.find((o) => o.id === 'trilateral-summit')?.status).toBe('unreachable');
    expect(() =>
      expect(article).not.toRequireEvent('trilateral-summit', 'ukraine-accepts-raised-level', { from }),
    ).toThrow(never);
    expect(() => expect(article).toRequireEvent('trilateral-summit', 'ukraine-accepts-raised-level', { from })).toThrow(
      never,
    );
  });

  it('a sampled probability is decided on its interval: across a bound, neither form passes', () => {
    const exact = explore(article).outcomes.find((o) => o.id === 'ceasefire')?.probability as number;
    // 200 runs put the 95% interval several points either side of the exact value, across this bound.
    const across = { atLeast: exact, sampled: { runs: 200, seed: 1 } };
    const cannotTell = /cannot tell whether the probability of "ceasefire" .* an interval across the bound/;
    expect(() => expect(article).toHaveOutcomeProbability('ceasefire', across)).toThrow(cannotTell);
    expect(() => expect(article).not.toHaveOutcomeProbability('ceasefire', across)).toThrow(cannotTell);
    // Far from the bounds, the interval decides either way.
    expect(article).toHaveOutcomeProbability('ceasefire', { atMost: 0.5, sampled: { runs: 200, seed: 1 } });
    expect(article).not.toHaveOutcomeProbability('ceasefire', { atLeast: 0.5, sampled: { runs: 200, seed: 1 } });
  });
});

describe('types a user writes without casts', () => {
  it('moves and positions as plain strings, matchers in asymmetric form', () => {
    const after = run(article, { moves: ['architecture-established', '+1 day'] });
    expect(after.final.day).toBe(1);
    const stances = Object.fromEntries(article.model.parties.map((p) => [p.id as string, p.initial as string]));
    expect(() => stability(article, { at: { stances, facts: {} } })).not.toThrow(TypeError);
    expect({ scenario: article }).toEqual({ scenario: expect.toReachOutcome('ceasefire') });
    expect({ scenario: article }).not.toEqual({ scenario: expect.toNeverReachOutcome('ceasefire') });
  });
});

describe('an outcome that holds at the start', () => {
  it('is reached via no events for the first time: both forms of toReachOutcomeVia fail, saying so', async () => {
    const { scenarioFromObject } = await import('parley');
    const { IDLE_DATA } = await import('../helpers/scenarios.js');
    const done = scenarioFromObject({
      ...IDLE_DATA,
      facts: { done: { ...IDLE_DATA.facts.done, initial: true } },
    });
    const already = /"acted" holds at the start .* so no path reaches it for the first time via act/;
    expect(() => expect(done).toReachOutcomeVia('acted', ['act'])).toThrow(already);
    expect(() => expect(done).not.toReachOutcomeVia('acted', ['act'])).toThrow(already);
  });
});
