import { createMachine } from 'xstate';
import { parseScenario } from '../src/model/load.js';
import type { Model } from '../src/model/model.js';

/** A scenario file's data, before it is written as YAML (JSON is YAML). */
type ScenarioData = Record<string, unknown>;

/** Loads generated scenario data through the real loader, failing loudly if it is invalid. */
export function loadGenerated(data: ScenarioData): Model {
  const parsed = parseScenario(JSON.stringify(data));
  if (!parsed.model)
    throw new Error(`generated scenario is invalid: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.model;
}

function frame(
  title: string,
  parties: Record<string, unknown>,
  events: Record<string, unknown>,
  extra: ScenarioData = {},
): ScenarioData {
  return {
    parley: 1,
    title,
    source: { title: 'generated', paragraphs: ['P1'] },
    parties,
    events: { start: { kind: 'historical', day: 0, summary: 'Start.', cites: ['P1'], quote: 'q' }, ...events },
    outcomes: {},
    timeline: ['start'],
    ...extra,
  };
}

const LIKELIHOODS = [0.3, 0.5, 0.7];

/**
 * N parties of k stances, three events each, no party reading another: the shape of a machine with
 * one parallel region per party. Event `pI-eJ` moves party I from stance s to s + J + 1 (mod k),
 * so all k^N joint stances are reachable.
 */
export function generateParallelScenario(parties: number, stances: number): ScenarioData {
  const partyData: Record<string, unknown> = {};
  const events: Record<string, unknown> = {};
  for (let p = 0; p < parties; p++) {
    const stanceData: Record<string, unknown> = {};
    for (let s = 0; s < stances; s++) {
      const on: Record<string, string> = {};
      for (let j = 0; j < 3; j++) on[`p${p}-e${j}`] = `s${(s + j + 1) % stances}`;
      stanceData[`s${s}`] = { defines: `stance ${s}`, cites: ['P1'], on };
    }
    partyData[`p${p}`] = { name: `Party ${p}`, cites: ['P1'], initial: 's0', stances: stanceData };
    for (let j = 0; j < 3; j++) {
      events[`p${p}-e${j}`] = {
        kind: 'hypothetical',
        likelihood: LIKELIHOODS[j],
        summary: `move ${j}`,
        cites: ['P1'],
        quote: 'q',
      };
    }
  }
  return frame(`parallel ${parties}x${stances}`, partyData, events, {
    outcomes: {
      'all-last': {
        means: 'every party in its last stance',
        cites: ['P1'],
        when: { stance: Object.fromEntries(Array.from({ length: parties }, (_, p) => [`p${p}`, `s${stances - 1}`])) },
      },
    },
  });
}

/**
 * The XState machine equivalent to `generateParallelScenario`: one parallel region per party, the
 * same events. The peer that xstate/graph explores.
 */
export function createParallelPeerMachine(parties: number, stances: number) {
  const regions: Record<string, unknown> = {};
  for (let p = 0; p < parties; p++) {
    const states: Record<string, unknown> = {};
    for (let s = 0; s < stances; s++) {
      const on: Record<string, string> = {};
      for (let j = 0; j < 3; j++) on[`p${p}-e${j}`] = `s${(s + j + 1) % stances}`;
      states[`s${s}`] = { on };
    }
    regions[`p${p}`] = { initial: 's0', states };
  }
  return createMachine({ id: 'peer', type: 'parallel', states: regions as never });
}

/** The events of the parallel scenario, for the peer. */
export function getParallelEvents(parties: number): { type: string }[] {
  return Array.from({ length: parties * 3 }, (_, i) => ({ type: `p${Math.floor(i / 3)}-e${i % 3}` }));
}

/**
 * A negotiation with facts and cross-party guards whose reachable joint states number
 * up to stances^parties x 4 x 2 per day of the horizon. Each party's "advance" event is guarded on the next
 * party's stance; a shared integer fact counts concessions and a boolean records a breakdown,
 * with events whose preconditions read both.
 */
export function generateLargeScenario(parties: number, stances: number): ScenarioData {
  const partyData: Record<string, unknown> = {};
  const events: Record<string, unknown> = {};
  for (let p = 0; p < parties; p++) {
    const next = `p${(p + 1) % parties}`;
    const stanceData: Record<string, unknown> = {};
    for (let s = 0; s < stances; s++) {
      stanceData[`s${s}`] = {
        defines: `stance ${s}`,
        cites: ['P1'],
        on: {
          // Advance two stances while the next party is in its first half, else one.
          [`p${p}-advance`]: [
            {
              to: `s${(s + 2) % stances}`,
              when: { stance: { [next]: Array.from({ length: Math.ceil(stances / 2) }, (_, i) => `s${i}`) } },
            },
            `s${(s + 1) % stances}`,
          ],
          [`p${p}-retreat`]: `s${(s + stances - 1) % stances}`,
          concession: s === 0 ? `s${stances - 1}` : `s${s}`,
        },
      };
    }
    partyData[`p${p}`] = {
      name: `Party ${p}`,
      cites: ['P1'],
      initial: 's0',
      stances: stanceData,
      prefers: p % 2 === 0 ? ['deal', 'collapse'] : ['collapse', 'deal'],
    };
    events[`p${p}-advance`] = {
      kind: 'hypothetical',
      by: `p${p}`,
      likelihood: 'likely',
      summary: 'advance',
      cites: ['P1'],
      quote: 'q',
      requires: { fact: { breakdown: false } },
    };
    events[`p${p}-retreat`] = {
      kind: 'hypothetical',
      by: `p${p}`,
      likelihood: 'unlikely',
      summary: 'retreat',
      cites: ['P1'],
      quote: 'q',
    };
  }
  events.concession = {
    kind: 'hypothetical',
    likelihood: 'roughly even chance',
    summary: 'a concession',
    cites: ['P1'],
    quote: 'q',
    requires: { fact: { concessions: { below: 3 } } },
    add: { concessions: 1 },
  };
  events.breakdown = {
    kind: 'hypothetical',
    likelihood: 'very unlikely',
    summary: 'talks break down',
    cites: ['P1'],
    quote: 'q',
    requires: { fact: { breakdown: false } },
    set: { breakdown: true },
  };
  events.resumption = {
    kind: 'hypothetical',
    likelihood: 'unlikely',
    summary: 'talks resume',
    cites: ['P1'],
    quote: 'q',
    requires: { fact: { breakdown: true }, stance: { p0: ['s0', 's1'] } },
    set: { breakdown: false },
  };
  return frame(`large ${parties}x${stances}`, partyData, events, {
    facts: {
      concessions: { type: 'integer', min: 0, max: 3, initial: 0, describes: 'concessions made', cites: ['P1'] },
      breakdown: { type: 'boolean', initial: false, describes: 'talks broke down', cites: ['P1'] },
    },
    outcomes: {
      deal: {
        means: 'all parties in their last stance with 3 concessions',
        cites: ['P1'],
        when: {
          fact: { concessions: 3 },
          stance: Object.fromEntries(Array.from({ length: parties }, (_, p) => [`p${p}`, `s${stances - 1}`])),
        },
      },
      collapse: {
        means: 'breakdown after a concession',
        cites: ['P1'],
        when: { fact: { breakdown: true, concessions: { atLeast: 1 } } },
      },
    },
  });
}
