// Each matcher passes when it should, and fails when it should with a message written for a person.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { check, explore, loadScenario, run } from 'parley';
import { formatPathProbability } from '../../src/report/format-probability.js';
import 'parley/vitest';

const article = loadScenario('scenarios/article.yaml');

/** Runs an assertion that must fail and returns its message. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed, but it should have failed');
}

describe('toReachOutcome', () => {
  it('fails for an unreachable outcome with the states searched and the horizon', () => {
    const message = failure(() => expect(article).toReachOutcome('trilateral-summit', { within: { events: 1 } }));
    expect(message).toBe(
      'expected "trilateral-summit" to be reachable from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days and at most 1 event, but an exhaustive search of 185 joint states found no path to it',
    );
  });

  it('.not fails for a reachable outcome with a shortest path, days, paragraphs and quotes', () => {
    const message = failure(() => expect(article).not.toReachOutcome('raised-level-istanbul-talks'));
    expect(message).toBe(
      [
        'expected "raised-level-istanbul-talks" not to be reachable from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days, but it is (probability 0.61 (likely)); a shortest path (2 moves, probability 0.0061):',
        '    1. day 0  ukraine-accepts-raised-level  (P14)',
        '       > raising the level of the heads of delegation',
        '    2. day 0  raised-level-round-held  (P10 P14)',
        '       > sending higher-level officials to talks with Ukraine in Istanbul',
      ].join('\n'),
    );
  });

  it('decides nothing when the search is cut before finding it: both forms fail', () => {
    expect(failure(() => expect(article).toReachOutcome('trilateral-summit', { maxStates: 20 }))).toMatch(
      /^cannot tell whether "trilateral-summit" is reachable .*: not found in a search cut at \d+ joint states \(maxStates 20\); raise maxStates$/,
    );
    expect(failure(() => expect(article).not.toReachOutcome('trilateral-summit', { maxStates: 20 }))).toMatch(
      /^cannot tell/,
    );
  });

  it('names the outcomes when given an unknown one', () => {
    expect(() => expect(article).toReachOutcome('trilateral')).toThrowError(
      /unknown outcome "trilateral".*the scenario's outcomes: ceasefire, trilateral-summit/,
    );
  });
});

describe('toNeverReachOutcome', () => {
  it('fails with a shortest path when the outcome can be reached', () => {
    const message = failure(() => expect(article).toNeverReachOutcome('bilateral-summit'));
    expect(message).toContain('expected "bilateral-summit" never to be reached from the end of the timeline');
    expect(message).toMatch(/; a shortest path \(5 moves, probability \d\.\de-\d+\):\n/);
    expect(message).toContain(
      '5. day 0  bilateral-held  (P1 P2 P7 P13 P16)\n       > a bilateral meeting between Putin and Zelensky',
    );
  });

  it('passes only on an exhaustive search: a cut search fails with that reason', () => {
    expect(article).toNeverReachOutcome('stalemate', { within: 7 });
    const message = failure(() => expect(article).toNeverReachOutcome('stalemate', { within: 7, maxStates: 30 }));
    expect(message).toMatch(
      /^cannot prove that "stalemate" is never reached .*: a search cut at \d+ joint states \(maxStates 30\) did not finish; raise maxStates$/,
    );
  });

  it('.not asserts that the outcome is reachable, with the search in the message', () => {
    expect(article).not.toNeverReachOutcome('stalemate');
    expect(failure(() => expect(article).not.toNeverReachOutcome('stalemate', { within: 7 }))).toMatch(
      /^expected "stalemate" to be reachable .* within 7 days, but an exhaustive search of [\d,]+ joint states found no path to it$/,
    );
  });
});

describe('toReachOutcomeVia', () => {
  it('passes for events taken in order on the way, fails for an order no path takes', () => {
    expect(article).toReachOutcomeVia('trilateral-summit', [
      'ukraine-accepts-raised-level',
      'architecture-established',
    ]);
    const message = failure(() =>
      expect(article).toReachOutcomeVia('trilateral-summit', ['ukraine-rejects-raised-level']),
    );
    expect(message).toMatch(
      /^expected a path to "trilateral-summit" through ukraine-rejects-raised-level, in that order, from the end of the timeline \(after lavrov-any-formats\) \(day 0\), within 30 days, but an exhaustive search of [\d,]+ joint states found none$/,
    );
  });

  it('.not fails with the path that does go through them', () => {
    const message = failure(() => expect(article).not.toReachOutcomeVia('ceasefire', ['talks-date-set']));
    expect(message).toContain(
      'expected no path to "ceasefire" through talks-date-set from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days, but there is one:',
    );
    expect(message).toContain('talks-date-set  (P7)');
    expect(message).toContain('ceasefire-agreed  (P3 P4 P12)');
  });

  it('does not count a path that reached the outcome before taking the events', () => {
    expect(article).not.toReachOutcomeVia('bilateral-summit', ['bilateral-held', 'summit-worsens']);
  });
});

describe('toBeInStance', () => {
  const history = run(article);

  it('fails naming the stance the party is in, and every party’s', () => {
    const message = failure(() => expect(history.at(0)).toBeInStance('ukraine', 'guarantees-first'));
    expect(message).toBe(
      'expected ukraine to be in guarantees-first on day -120, but it is in ceasefire-first (ukraine: ceasefire-first, russia: istanbul-format, united-states: ceasefire-first, europe: ceasefire-first, turkey: hosting-technical-talks)',
    );
  });

  it('.not fails when the party is in that stance', () => {
    expect(failure(() => expect(history.at(-1)).not.toBeInStance('europe', 'ceasefire-first'))).toMatch(
      /^expected europe not to be in ceasefire-first on day 0, but it is/,
    );
  });

  it('refuses something that is not a joint state', () => {
    expect(() => expect(article).toBeInStance('ukraine', 'x')).toThrowError(/toBeInStance expects a joint state/);
  });

  it('refuses a stance the party does not have, so that a misspelt `.not` cannot pass', () => {
    expect(() => expect(history.at(-1)).not.toBeInStance('ukraine', 'guarantee-first')).toThrowError(
      'no stance "guarantee-first" for party "ukraine" (did you mean "guarantees-first"?); its stances: ceasefire-first, wants-period-of-calm, guarantees-first, awaiting-guarantees-architecture, seeking-trilateral-meeting',
    );
  });
});

describe('toHaveOutcomeProbability', () => {
  it('fails with the exact probability and the search', () => {
    expect(failure(() => expect(article).toHaveOutcomeProbability('stalemate', { atLeast: 0.5 }))).toBe(
      'expected the probability of "stalemate" from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days to be at least 0.5, but it is 0.18 (very unlikely) (exact, an exhaustive search of 9,277 joint states)',
    );
    expect(
      failure(() => expect(article).not.toHaveOutcomeProbability('stalemate', { atLeast: 0.1, atMost: 0.2 })),
    ).toContain('not to be between 0.1 and 0.2, but it is 0.18 (very unlikely)');
  });

  it('prints as many more digits as it takes to tell the probability from a bound it misses', () => {
    // stalemate is 0.18049...: at 2 digits it would print like 0.1806.
    expect(failure(() => expect(article).toHaveOutcomeProbability('stalemate', { atLeast: 0.1806 }))).toContain(
      'to be at least 0.1806, but it is 0.180 (very unlikely)',
    );
  });

  it('with atEnd, the chance that it holds when the horizon ends, exact or sampled', () => {
    const exact = explore(article).outcomes.find((o) => o.id === 'stalemate')?.holdsAtEnd as number;
    expect(exact).toBeLessThan(explore(article).outcomes.find((o) => o.id === 'stalemate')?.probability as number);
    expect(article).toHaveOutcomeProbability('stalemate', { atEnd: true, atLeast: exact - 1e-9, atMost: exact + 1e-9 });
    expect(failure(() => expect(article).toHaveOutcomeProbability('stalemate', { atEnd: true, atLeast: 0.5 }))).toBe(
      `expected the probability that "stalemate" holds at the end from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days to be at least 0.5, but it is ${exact.toPrecision(2)} (very unlikely) (exact, an exhaustive search of 9,277 joint states)`,
    );
    expect(
      failure(() =>
        expect(article).toHaveOutcomeProbability('stalemate', {
          atEnd: true,
          atLeast: 0.5,
          sampled: { runs: 2000, seed: 3 },
        }),
      ),
    ).toMatch(
      /^expected the probability that "stalemate" holds at the end .* but it is sampled 0\.\d+ \([a-z ]+\) \([\d,]+ of 2,000 runs/,
    );
  });

  it('samples with { runs, seed } and reports the frequency with its interval', () => {
    const message = failure(() =>
      expect(article).toHaveOutcomeProbability('stalemate', { atLeast: 0.5, sampled: { runs: 2000, seed: 3 } }),
    );
    expect(message).toMatch(
      /^expected the probability of "stalemate" from the end of the timeline \(after lavrov-any-formats\) \(day 0\), within 30 days to be at least 0\.5, but it is sampled 0\.1\d \(very unlikely\) \(\d+ of 2,000 runs, seed "3"; 95% interval 0\.\d+ to 0\.\d+\)$/,
    );
  });

  it('decides nothing when a cut search bounds the probability on both sides of the limit', () => {
    expect(
      failure(() => expect(article).toHaveOutcomeProbability('stalemate', { atLeast: 0.05, maxStates: 100 })),
    ).toMatch(
      /^cannot tell whether the probability of "stalemate" is at least 0\.05: a search cut at \d+ joint states \(maxStates 100\) bounds it between 0 and (> )?0\.\d+$/,
    );
  });

  it('needs a bound', () => {
    expect(() => expect(article).toHaveOutcomeProbability('stalemate', {})).toThrowError(
      'toHaveOutcomeProbability: expected atLeast, atMost or both (probabilities from 0 to 1)',
    );
  });
});

describe('toRequireEvent', () => {
  it('passes for an event every path takes, and fails with a path that goes around it', () => {
    expect(article).toRequireEvent('ceasefire', 'architecture-established');
    const message = failure(() => expect(article).toRequireEvent('ceasefire', 'talks-date-set'));
    expect(message).toMatch(
      /^expected every path to "ceasefire" from the end of the timeline \(after lavrov-any-formats\) \(day 0\), within 30 days to take talks-date-set, but this one does not:\n/,
    );
    expect(message).toContain('raised-level-round-held  (P10 P14)');
    expect(failure(() => expect(article).not.toRequireEvent('ceasefire', 'ceasefire-agreed'))).toMatch(
      /^expected a path to "ceasefire" from .* within 30 days without ceasefire-agreed, but an exhaustive search of [\d,]+ joint states without it found none$/,
    );
  });
});

describe('toSatisfy', () => {
  it('passes for a query that holds, and fails with its counter-example', () => {
    expect(article).toSatisfy('guaranteesArchitecture = established before trilateral-summit');
    expect(article).toSatisfy('eventually trilateral-summit within 14 days and always europe in ceasefire-first');
    const message = failure(() => expect(article).toSatisfy('never summit-backfires within 3 days'));
    const counter = check(article, 'never summit-backfires within 3 days');
    expect(message.split('\n').slice(0, 2)).toEqual([
      `expected "never summit-backfires within 3 days" to hold from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days, but it does not (${counter.search.states.toLocaleString('en-US')} joint states searched)`,
      `never summit-backfires within 3 days: a shortest counter-example (6 moves, probability ${formatPathProbability(counter.clauses[0]?.trace?.probability ?? NaN)}):`,
    ]);
    expect(message).toContain(
      '6. day 0  summit-worsens  (P16)\n       > so that the summits do not result in a worsening of the situation',
    );
    // Asked for, the likeliest counter-example instead: spread over days, and more probable.
    const likeliest = failure(() => expect(article).toSatisfy('never summit-backfires', { path: 'likeliest' }));
    const p = Number(/the likeliest counter-example found \(\d+ moves, probability ([\d.e-]+)\)/.exec(likeliest)?.[1]);
    expect(p).toBeGreaterThan(counter.clauses[0]?.trace?.probability ?? 1);
    expect(failure(() => expect(article).not.toSatisfy('eventually ceasefire'))).toContain(
      'a shortest witness (4 moves, probability ',
    );
  });
});

describe('Vitest’s own toSatisfy', () => {
  it('still takes a predicate after parley/vitest is imported', () => {
    expect(20).toSatisfy((age: number) => age >= 18);
    expect(failure(() => expect(10).toSatisfy((age: number) => age >= 18, 'Age must be at least 18'))).toBe(
      'Age must be at least 18',
    );
    expect({ age: 20 }).toEqual({ age: expect.toSatisfy((age: number) => age >= 18) });
  });
});

describe('toHaveNoInertElements', () => {
  const tinyText = readFileSync('test/fixtures/tiny.yaml', 'utf8');
  const tiny = loadScenario(tinyText, { file: 'tiny.yaml' });

  it('fails listing each element whose removal changes nothing, with what it says and its paragraphs', () => {
    expect(failure(() => expect(tiny).toHaveNoInertElements())).toBe(
      [
        'expected every element to move an outcome from the end of the timeline (after offer-made) (day 0), within 30 days or have a note saying why it stays, but removing any one of these changes nothing and no note explains it:',
        '  events.offer-made.add.offer: offer-made adds 2 to offer (P1)',
        '  events.softened.set.mood: softened sets mood to warm (P2)',
        '  events.accepted.requires.stance.buyer: buyer in considering, in what accepted requires (P1)',
        '  events.accepted.add.offer: accepted adds 5 to offer (P1)',
      ].join('\n'),
    );
    expect(tiny).not.toHaveNoInertElements();
  });

  it('passes once notes say why those elements stay', () => {
    const noted = loadScenario(
      `${tinyText}notes:\n  events.accepted:\n    inert: kept for a later version\n  events.offer-made.add.offer:\n    inert: history\n  events.softened.set.mood:\n    inert: read by a later version\n`,
      { file: 'noted.yaml' },
    );
    expect(noted).toHaveNoInertElements();
    expect(failure(() => expect(noted).not.toHaveNoInertElements())).toMatch(
      /^expected an element that changes no outcome .* but each of the \d+ elements moves an outcome or has such a note$/,
    );
  });

  it('decides nothing from a search cut short', () => {
    expect(failure(() => expect(article).toHaveNoInertElements({ maxStates: 50 }))).toMatch(
      /^cannot tell whether every element does work from the end of the timeline .*: a search was cut short \(raise maxStates\)/,
    );
  });
});

describe('toBeStable', () => {
  it('judges an outcome’s first position, or a joint state, under a Graph Model concept, for all or one party', () => {
    expect(article).toBeStable('ceasefire', 'seq');
    expect(article).toBeStable('ceasefire', 'SEQ');
    expect(article).not.toBeStable('trilateral-summit', 'gmr');
    expect(article).not.toBeStable(run(article).at(-1));
    expect(article).toBeStable(run(article).at(-1), 'smr', { party: 'ukraine' });
  });

  it('fails with each improvement that stands, its event and paragraphs', () => {
    expect(failure(() => expect(article).toBeStable('trilateral-summit', 'seq'))).toBe(
      'expected the first position where "trilateral-summit" holds from the end of the timeline (after lavrov-any-formats) (day 0), within 30 days to be SEQ stable for every party with preferences, but it is not:\n  russia can move by raised-level-round-held [P10 P14] to a position it prefers (trilateral-summit, raised-level-istanbul-talks); SEQ: stands.',
    );
  });

  it('says when a position is not reached from the start, and refuses what it cannot judge', () => {
    expect(failure(() => expect(article).toBeStable(run(article).at(0)))).toMatch(
      /^this position is not reached from the end of the timeline .*, so it cannot be judged$/,
    );
    expect(() => expect(article).toBeStable('ceasfire')).toThrow(/unknown outcome "ceasfire"/);
    expect(() => expect(article).toBeStable('ceasefire', 'seqq' as never)).toThrow(/unknown concept "seqq"/);
    expect(() => expect(article).toBeStable('ceasefire', 'seq', { party: 'turkey' })).toThrow(
      /^"turkey" is a party without preferences; the parties with preferences: /,
    );
    expect(() => expect(article).toBeStable('ceasefire', 'seq', { party: 'ukrane' })).toThrow(
      /^"ukrane" is not a party \(did you mean "ukraine"\?\)/,
    );
  });
});
