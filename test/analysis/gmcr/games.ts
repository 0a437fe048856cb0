import { loadGenerated } from '../../../bench/generated-models.js';
import type { Model } from '../../../src/model/model.js';

/**
 * A game in which each player chooses between two stances (`a`, `b`) and may switch between them
 * at any time (or only from `a` to `b` with `oneWay`), as the graph model writes 2x2 games. States
 * are named by each player's letter in order (`ab`: the first in `a`, the second in `b`); each
 * player's `prefers` ranks those names, best first (a list inside is a tier of equals).
 */
export function gameOfTwoStances(
  players: Readonly<Record<string, readonly (string | readonly string[])[]>>,
  options: { readonly oneWay?: boolean } = {},
): Model {
  const names = Object.keys(players);
  const states = names.reduce<string[]>((acc) => acc.flatMap((s) => [`${s}a`, `${s}b`]), ['']);
  const parties: Record<string, unknown> = {};
  const events: Record<string, unknown> = {
    start: { kind: 'historical', day: 0, summary: 'The game starts.', cites: ['P1'], quote: 'q' },
  };
  for (const name of names) {
    parties[name] = {
      name,
      cites: ['P1'],
      initial: 'a',
      prefers: players[name],
      stances: {
        a: { defines: 'a', cites: ['P1'], on: { [`${name}-to-b`]: 'b' } },
        b: { defines: 'b', cites: ['P1'], ...(options.oneWay ? {} : { on: { [`${name}-to-a`]: 'a' } }) },
      },
    };
    for (const to of options.oneWay ? ['b'] : ['a', 'b'])
      events[`${name}-to-${to}`] = {
        kind: 'hypothetical',
        by: name,
        likelihood: 0.5,
        summary: `${name} moves to ${to}.`,
        cites: ['P1'],
        quote: 'q',
      };
  }
  const outcomes = Object.fromEntries(
    states.map((s) => [
      s,
      { means: s, cites: ['P1'], when: { stance: Object.fromEntries(names.map((n, i) => [n, s[i]])) } },
    ]),
  );
  return loadGenerated({
    parley: 1,
    title: 'a game',
    source: { title: 't', paragraphs: ['P1'] },
    parties,
    events,
    outcomes,
    timeline: ['start'],
  });
}
