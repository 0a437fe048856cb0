import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { getBranchHorizon, getPathView } from '../../src/inspector/page/path-view.js';
import { getTraceSession } from '../../src/inspector/trace-session.js';
import type { JointState } from '../../src/engine/joint-state.js';
import { getMoves } from '../../src/engine/moves.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, DEADLINE, loadModel } from '../helpers/scenarios.js';

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
      { base: 1, whatIf: ['x' as EventId, DAY_PASSES], at: 3, maxEvents: 1 },
    ]) {
      expect(decodePosition(timeline, encodePosition(timeline, position))).toEqual(position);
    }
    expect(encodePosition(timeline, { base: 3, whatIf: [], at: 2 })).toBe('#at=2');
    expect(decodePosition(timeline, '#at=99')).toEqual({ base: 3, whatIf: [], at: 3 });
    expect(decodePosition(timeline, '')).toEqual({ base: 3, whatIf: [], at: 3 });
    expect(encodePosition(timeline, { base: 1, whatIf: ['x' as EventId], at: 2, maxEvents: 2 })).toBe(
      '#at=2&base=1&whatif=x&events=2',
    );
  });

  it('keep a branch’s limit on events when branching again, and drop it back on the timeline', () => {
    const limited = { base: 1, whatIf: ['x' as EventId], at: 2, maxEvents: 1 };
    expect(branchWith(timeline, limited, DAY_PASSES)).toEqual({ ...limited, whatIf: ['x', DAY_PASSES], at: 3 });
    expect(backToTimeline(timeline, limited)).toEqual({ base: 3, whatIf: [], at: 1 });
  });

  it('open a trace saved with an event limit where `parley run --trace` ends, and offer no more events there', async () => {
    const model = loadModel(DEADLINE);
    const dir = mkdtempSync(join(tmpdir(), 'parley-inspect-'));
    await runParley(['explore', DEADLINE, '--max-events', '1', '--save-traces', dir]);
    const session = getTraceSession(model, readFileSync(join(dir, 'late-offer.trace.json'), 'utf8'));
    if (!('trace' in session)) throw new Error('the trace must replay');
    expect(session.trace.maxEvents).toBe(1);
    const { base, whatIf, key, maxEvents } = session.trace;
    const view = getPathView(model, { base, whatIf, at: base + whatIf.length, maxEvents: maxEvents ?? undefined });
    expect(view.problem).toBeNull();
    expect(getJointStateKey(model, view.states.at(-1) as JointState)).toBe(key);
    // The branch keeps the limit: no hypothetical event is offered after it, only the day.
    const last = view.states.at(-1) as JointState;
    expect(getMoves(model, last, getBranchHorizon(view.position), 1).map((m) => m.move)).toEqual([DAY_PASSES]);
    expect(getPathView(model, { base, whatIf, at: base + whatIf.length }).problem).toContain(
      'urgent event lapse is possible',
    );
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
