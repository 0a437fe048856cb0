import { describe, expect, it } from 'vitest';
import { DAY_PASSES } from '../../src/engine/move.js';
import type { EventId } from '../../src/model/ids.js';
import {
  backToTimeline,
  branchWith,
  decodePosition,
  encodePosition,
  getPathMoves,
  stepBy,
} from '../../src/inspector/page/navigation.js';
import { getPathView } from '../../src/inspector/page/path-view.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

const timeline = ['a', 'b', 'c'] as EventId[];

describe('inspector positions', () => {
  it('step along the path and stop at its ends', () => {
    const end = { base: 3, whatIf: [], at: 3 };
    expect(stepBy(timeline, end, 1)).toEqual(end);
    expect(stepBy(timeline, end, -1)).toEqual({ ...end, at: 2 });
    expect(stepBy(timeline, { ...end, at: 0 }, -1).at).toBe(0);
  });

  it('branch from any point, branch again from within a branch, and return to the timeline', () => {
    const first = branchWith(timeline, { base: 3, whatIf: [], at: 1 }, 'x' as EventId);
    expect(first).toEqual({ base: 1, whatIf: ['x'], at: 2 });
    expect(getPathMoves(timeline, first)).toEqual(['a', 'x']);
    const second = branchWith(timeline, { ...branchWith(timeline, first, DAY_PASSES), at: 2 }, 'y' as EventId);
    expect(second).toEqual({ base: 1, whatIf: ['x', 'y'], at: 3 });
    expect(backToTimeline(timeline, second)).toEqual({ base: 3, whatIf: [], at: 1 });
  });

  it('round-trip through the address bar, days passing included', () => {
    for (const position of [
      { base: 3, whatIf: [], at: 2 },
      { base: 1, whatIf: ['x' as EventId, DAY_PASSES, 'y' as EventId], at: 3 },
    ]) {
      expect(decodePosition(timeline, encodePosition(timeline, position))).toEqual(position);
    }
    expect(encodePosition(timeline, { base: 3, whatIf: [], at: 2 })).toBe('#at=2');
    expect(decodePosition(timeline, '#at=99')).toEqual({ base: 3, whatIf: [], at: 3 });
    expect(decodePosition(timeline, '')).toEqual({ base: 3, whatIf: [], at: 3 });
  });

  it('replay with the one step, and cut a path whose move cannot happen, saying why', () => {
    const model = loadModel(ARTICLE);
    const n = model.timeline.length;
    const ok = getPathView(model, { base: n, whatIf: ['architecture-established' as EventId], at: n + 1 });
    expect(ok.problem).toBeNull();
    expect(
      ok.taken.has('ukraine|awaiting-guarantees-architecture|seeking-trilateral-meeting|architecture-established'),
    ).toBe(true);
    const bad = getPathView(model, { base: n, whatIf: ['trilateral-held' as EventId], at: n + 1 });
    expect(bad.problem).toContain('event "trilateral-held" cannot happen here');
    expect(bad.position).toEqual({ base: n, whatIf: [], at: n });
  });
});
