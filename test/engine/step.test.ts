import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEventEnabled } from '../../src/engine/enabled.js';
import { getInitialJointState, getStances, type JointState } from '../../src/engine/joint-state.js';
import { getHoldingOutcomes } from '../../src/engine/outcomes.js';
import { fromJointStateJson, getJointStateKey, toJointStateJson } from '../../src/engine/serialise.js';
import { step } from '../../src/engine/step.js';
import type { EventId } from '../../src/model/ids.js';
import { modelFromText, ROOT } from '../helpers/scenarios.js';

const tinyText = readFileSync(join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'utf8');
const model = modelFromText(tinyText);
const ev = (id: string) => id as EventId;
const stancesOf = (joint: JointState): Record<string, string> => getStances(model, joint);

/** Freezes the joint state, its facts and each snapshot with its value and context (not the machine). */
function freezeJoint(joint: JointState): JointState {
  for (const snapshot of Object.values(joint.parties)) {
    Object.freeze(snapshot.context);
    Object.freeze(snapshot);
  }
  return Object.freeze({
    ...joint,
    facts: Object.freeze({ ...joint.facts }),
    parties: Object.freeze({ ...joint.parties }),
  });
}

describe('step', () => {
  it('starts every party in its initial stance, every fact at its initial value, on the first timeline day', () => {
    const joint = getInitialJointState(model);
    expect(stancesOf(joint)).toEqual({ buyer: 'waiting', seller: 'firm' });
    expect(joint.facts).toEqual({ offer: 0, mood: 'cold' });
    expect(joint.day).toBe(0);
  });

  it('moves each party by its machine and applies the event effects', () => {
    const after = step(model, getInitialJointState(model), ev('offer-made'));
    expect(stancesOf(after)).toEqual({ buyer: 'considering', seller: 'firm' });
    expect(after.facts).toEqual({ offer: 2, mood: 'cold' });
  });

  it('lets a guard read another party’s stance', () => {
    const considering = step(model, getInitialJointState(model), ev('offer-made'));
    expect(stancesOf(step(model, considering, ev('accepted'))).buyer).toBe('waiting');
    const softened = step(model, considering, ev('softened'));
    expect(stancesOf(step(model, softened, ev('accepted'))).buyer).toBe('agreed');
  });

  it('evaluates every guard on the state before the event, whatever the order of parties', () => {
    // The seller softens and the buyer accepts in one event: the buyer's guard must see "firm".
    const both = tinyText.replace('          softened: flexible', '          accepted: flexible');
    const m = modelFromText(both);
    const considering = step(m, getInitialJointState(m), ev('offer-made'));
    const after = step(m, considering, ev('accepted'));
    expect(getStances(m, after)).toEqual({ buyer: 'waiting', seller: 'flexible' });
  });

  it('saturates integer facts at their bounds', () => {
    const considering = step(model, getInitialJointState(model), ev('offer-made'));
    expect(step(model, considering, ev('accepted')).facts).toMatchObject({ offer: 3 });
  });

  it('never mutates its input and returns a frozen state', () => {
    const start = freezeJoint(getInitialJointState(model));
    const before = JSON.stringify(toJointStateJson(model, start));
    const after = step(model, start, ev('offer-made'));
    expect(JSON.stringify(toJointStateJson(model, start))).toBe(before);
    expect(Object.isFrozen(after) && Object.isFrozen(after.facts) && Object.isFrozen(after.parties)).toBe(true);
  });

  it('is deterministic: the same state and event give equal keys', () => {
    const a = step(model, getInitialJointState(model), ev('offer-made'));
    const b = step(model, getInitialJointState(model), ev('offer-made'));
    expect(getJointStateKey(model, a)).toBe(getJointStateKey(model, b));
  });

  it('moves the clock forward to a historical event’s day, never back', () => {
    const text = tinyText
      .replace('timeline: [offer-made]', 'timeline: [offer-made, later]')
      .replace(
        '  softened:\n',
        '  later:\n    kind: historical\n    day: 5\n    summary: Later.\n    cites: [P1]\n    quote: later\n  softened:\n',
      );
    const m = modelFromText(text);
    const joint = step(m, step(m, getInitialJointState(m), ev('offer-made')), ev('later'));
    expect(joint.day).toBe(5);
    expect(step(m, joint, ev('offer-made')).day).toBe(5);
  });
});

describe('preconditions and outcomes', () => {
  it('enables an event only where its requires holds', () => {
    const start = getInitialJointState(model);
    expect(isEventEnabled(model, start, ev('accepted'))).toBe(false);
    expect(isEventEnabled(model, step(model, start, ev('offer-made')), ev('accepted'))).toBe(true);
  });

  it('lists the outcomes whose condition holds', () => {
    let joint = step(model, getInitialJointState(model), ev('offer-made'));
    expect(getHoldingOutcomes(model, joint)).toEqual([]);
    joint = step(model, step(model, joint, ev('softened')), ev('accepted'));
    expect(getHoldingOutcomes(model, joint)).toEqual(['deal']);
  });
});

describe('the joint state as JSON', () => {
  it('round-trips through JSON to a state with the same key and the same behaviour', () => {
    const joint = step(model, getInitialJointState(model), ev('offer-made'));
    const json = JSON.parse(JSON.stringify(toJointStateJson(model, joint)));
    const back = fromJointStateJson(model, json);
    expect(getJointStateKey(model, back)).toBe(getJointStateKey(model, joint));
    expect(getJointStateKey(model, step(model, back, ev('softened')))).toBe(
      getJointStateKey(model, step(model, joint, ev('softened'))),
    );
  });

  it('has a canonical key: the order of parties, facts and keys in the file does not matter', () => {
    const reordered = tinyText
      .replace(/( {2}buyer:\n[\s\S]*?)( {2}seller:\n[\s\S]*?)(events:)/, '$2$1$3')
      .replace(/( {2}offer:\n[\s\S]*?)( {2}mood:\n[\s\S]*?)(parties:)/, '$2$1$3');
    const other = modelFromText(reordered);
    expect(other.parties.map((p) => p.id)).toEqual(['seller', 'buyer']);
    const a = step(model, getInitialJointState(model), ev('offer-made'));
    const b = step(other, getInitialJointState(other), ev('offer-made'));
    expect(getJointStateKey(other, b)).toBe(getJointStateKey(model, a));
  });

  it('gives different keys to different states', () => {
    const start = getInitialJointState(model);
    expect(getJointStateKey(model, step(model, start, ev('softened')))).not.toBe(getJointStateKey(model, start));
  });
});
