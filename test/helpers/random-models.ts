import fc from 'fast-check';
import { loadGenerated } from '../../bench/generated-models.js';
import type { Model } from '../../src/model/model.js';

/**
 * Small random negotiations for property tests: 1-3 parties of 2-3 stances, an enum and an integer
 * fact, 2-5 hypothetical events with random likelihoods, preconditions (on stances, facts and the
 * day), effects and urgency, transitions guarded on other parties' stances, and two outcomes.
 * Every generated scenario goes through the real loader.
 */
export const arbitraryScenarioData: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    parties: fc.integer({ min: 1, max: 3 }),
    stances: fc.integer({ min: 2, max: 3 }),
    events: fc.integer({ min: 2, max: 5 }),
    seed: fc.array(fc.nat({ max: 1000 }), { minLength: 80, maxLength: 80 }),
  })
  .map(({ parties, stances, events, seed }) => {
    let cursor = 0;
    const pick = (n: number) => (seed[cursor++ % seed.length] as number) % n;
    const stance = (s: number) => `s${s}`;
    const eventIds = Array.from({ length: events }, (_, e) => `e${e}`);
    // An urgent event only sets a fact and moves no party, so it cannot keep time from passing for ever.
    const urgent = new Set(eventIds.filter(() => pick(6) === 0));
    const partyData: Record<string, unknown> = {};
    for (let p = 0; p < parties; p++) {
      const stanceData: Record<string, unknown> = {};
      for (let s = 0; s < stances; s++) {
        const on: Record<string, unknown> = {};
        for (const e of eventIds) {
          if (urgent.has(e)) continue;
          const roll = pick(4);
          if (roll === 0) continue;
          const target = stance(pick(stances));
          if (roll === 3 && parties > 1) {
            const other = `p${(p + 1) % parties}`;
            on[e] = [{ to: target, when: { stance: { [other]: stance(pick(stances)) } } }, stance(pick(stances))];
          } else on[e] = target;
        }
        stanceData[stance(s)] = { defines: 'x', cites: ['P1'], on };
      }
      partyData[`p${p}`] = { name: `P${p}`, cites: ['P1'], initial: 's0', stances: stanceData };
    }
    const eventData: Record<string, unknown> = {
      start: { kind: 'historical', day: 0, summary: 'start', cites: ['P1'], quote: 'q' },
    };
    for (const e of eventIds) {
      const requires = [
        undefined,
        { fact: { level: ['low', 'mid', 'high'][pick(3)] } },
        { stance: { p0: stance(pick(stances)) } },
        { day: { atLeast: pick(3) } },
        { fact: { count: { below: 2 } } },
      ][pick(5)];
      const effects = urgent.has(e)
        ? { set: { level: ['mid', 'high'][pick(2)] } }
        : [{}, { set: { level: ['low', 'mid', 'high'][pick(3)] } }, { add: { count: 1 } }, { add: { count: -1 } }][
            pick(4)
          ];
      eventData[e] = {
        kind: 'hypothetical',
        likelihood: [0.1, 0.3, 0.5, 0.8, 'likely', 'unlikely'][pick(6)],
        summary: e,
        cites: ['P1'],
        quote: 'q',
        ...(requires && { requires }),
        ...effects,
        ...(urgent.has(e) && { urgent: { day: { atLeast: 1 } } }),
      };
    }
    return {
      parley: 1,
      title: 'random',
      source: { title: 'random', paragraphs: ['P1'] },
      facts: {
        level: { type: 'enum', values: ['low', 'mid', 'high'], initial: 'low', describes: 'x', cites: ['P1'] },
        count: { type: 'integer', min: 0, max: 2, initial: 0, describes: 'x', cites: ['P1'] },
      },
      parties: partyData,
      events: eventData,
      outcomes: {
        high: { means: 'x', cites: ['P1'], when: { fact: { level: 'high' } } },
        together: {
          means: 'x',
          cites: ['P1'],
          when: { stance: { p0: stance(stances - 1) }, fact: { count: { atLeast: 1 } } },
        },
      },
      timeline: ['start'],
    };
  });

/** `arbitraryScenarioData`, loaded. */
export const arbitraryModel: fc.Arbitrary<Model> = arbitraryScenarioData.map(loadGenerated);
