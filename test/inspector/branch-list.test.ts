import { describe, expect, it } from 'vitest';
import { DAY_PASSES } from '../../src/engine/move.js';
import type { EventId } from '../../src/model/ids.js';
import { addBranch, findBranch, getBranchTitle, getLeavingStep } from '../../src/inspector/page/branch-list.js';

const timeline = ['a', 'b', 'c'] as EventId[];
const x = 'x' as EventId;
const y = 'y' as EventId;
const z = 'z' as EventId;

describe('the list of branches', () => {
  it('grows a branch that a path extends, keeps one a path is part of, and adds any other', () => {
    let branches = addBranch(timeline, [], { base: 3, whatIf: [], at: 2 });
    expect(branches).toEqual([]);
    branches = addBranch(timeline, branches, { base: 3, whatIf: [x], at: 4 });
    branches = addBranch(timeline, branches, { base: 3, whatIf: [x, y], at: 5 });
    expect(branches).toEqual([{ base: 3, whatIf: [x, y], at: 5 }]);
    // Standing inside it, or stepping back, changes nothing.
    expect(addBranch(timeline, branches, { base: 3, whatIf: [x], at: 3 })).toEqual(branches);
    // Another way from inside it: a second branch, the first kept.
    branches = addBranch(timeline, branches, { base: 3, whatIf: [x, z], at: 5 });
    expect(branches).toHaveLength(2);
    // The same moves with a limit on events are another branch.
    expect(addBranch(timeline, branches, { base: 3, whatIf: [x], at: 4, maxEvents: 1 })).toHaveLength(3);
    // From earlier on the timeline.
    branches = addBranch(timeline, branches, { base: 1, whatIf: [DAY_PASSES], at: 2 });
    expect(branches.map((_, i) => getBranchTitle(timeline, branches, i))).toEqual([
      'What-if: x',
      'What-if: z',
      'What-if: a day passes',
    ]);
    expect(branches.map((_, i) => getLeavingStep(timeline, branches, i))).toEqual([3, 4, 1]);
    expect(findBranch(timeline, branches, { base: 3, whatIf: [x, z], at: 4 })).toBe(1);
    expect(findBranch(timeline, branches, { base: 3, whatIf: [], at: 3 })).toBe(-1);
  });
});
