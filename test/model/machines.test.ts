import { createActor, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { getPartyMachine, getPartyMachines } from '../../src/model/machines.js';
import type { PartyId } from '../../src/model/ids.js';
import { ARTICLE, HARBOUR, loadModel } from '../helpers/scenarios.js';

const article = loadModel(ARTICLE);

describe('party machines are real XState v5 machines', () => {
  it('have one state per stance, with the stance definition and citations', () => {
    const russia = getPartyMachine(article, 'russia' as PartyId);
    expect(Object.keys(russia.root.states)).toEqual([
      'istanbul-format',
      'raise-delegation-level',
      'step-by-step-preparation',
      'no-security-without-moscow',
    ]);
    const node = russia.root.states['no-security-without-moscow'];
    expect(node?.description).toBe("Discussing Ukraine's security without Moscow is a utopia.");
    expect(node?.meta).toEqual({ cites: ['P12', 'P13'] });
  });

  it('run in an actor created with createActor', () => {
    const us = createActor(getPartyMachine(article, 'united-states' as PartyId)).start();
    us.send({ type: 'us-pivots-to-peace-deal' });
    us.send({ type: 'summit-underway-claim' });
    expect(us.getSnapshot().value).toBe('summit-broker');
    us.stop();
  });

  it('take a guarded transition only when the view carries what the guard reads', () => {
    // Russia reacts to guarantees settled without it (P12) only while its proposal is not accepted.
    const russia = getPartyMachine(article, 'russia' as PartyId);
    const preparing = russia.resolveState({ value: 'step-by-step-preparation', context: {} });
    const view = (raisedLevelProposal: string) => ({ stances: {}, facts: { raisedLevelProposal }, day: 0 }) as never;
    expect(transition(russia, preparing, { type: 'architecture-established', view: view('pending') })[0].value).toBe(
      'no-security-without-moscow',
    );
    expect(transition(russia, preparing, { type: 'architecture-established', view: view('accepted') })[0].value).toBe(
      'step-by-step-preparation',
    );
  });

  it('can be handed to xstate/graph', () => {
    const harbour = loadModel(HARBOUR);
    const operator = getPartyMachines(harbour).get('operator' as PartyId);
    if (!operator) throw new Error('no operator');
    const paths = getShortestPaths(operator, {
      events: [
        { type: 'final-offer-made' },
        { type: 'shift-review-offered' },
        { type: 'strike-suspended' },
        { type: 'deal-signed' },
      ],
    });
    const values = paths.map((p) => p.state.value).sort();
    expect(values).toEqual(['conditional-review', 'final-offer', 'negotiating', 'reviewing-shifts', 'settled']);
    const settled = paths.find((p) => p.state.value === 'settled');
    expect(settled?.steps.map((s) => s.event.type)).toEqual([
      'xstate.init',
      'final-offer-made',
      'shift-review-offered',
      'strike-suspended',
      'deal-signed',
    ]);
  });
});
