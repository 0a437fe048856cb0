import { describe, expect, it } from 'vitest';
import { generateLargeScenario, loadGenerated } from '../../bench/generated-models.js';
import { compileModel } from '../../src/compile/compiled-model.js';
import { getInitialJointState } from '../../src/engine/joint-state.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

describe('encoding', () => {
  it('round-trips joint states and tells different states apart', () => {
    const model = loadModel(ARTICLE);
    const initial = getInitialJointState(model);
    const compiled = compileModel(model, initial.day, { endDay: initial.day + 3 });
    const key = compiled.encode(initial);
    expect(getJointStateKey(model, compiled.decode(key).joint)).toBe(getJointStateKey(model, initial));
    const later = compiled.encode({ ...initial, day: initial.day + 1 });
    expect(later).not.toBe(key);
    expect(compiled.decode(later).joint.day).toBe(initial.day + 1);
  });

  it('refuses a state space too large to number exactly', () => {
    const model = loadGenerated(generateLargeScenario(30, 5));
    expect(() => compileModel(model, 0, { endDay: 10 })).toThrow(/too large to number exactly/);
  });
});
