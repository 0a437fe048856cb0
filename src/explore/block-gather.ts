import type { DayTransitions } from './day-transitions.js';

/** The widths `gatherBlock` has a loop for: a block of columns is one of these wide. */
export const BLOCK_WIDTHS = [4, 2, 1] as const;

/**
 * One step of the uniformised chain for a block of `width` columns that each have their own rates
 * (a column per rate setting and outcome): `following` (by local place and column, `width` a state)
 * becomes the mass of `current` after one step, state j keeping `stay[j * width + c]` of its own in
 * column c and gaining `share[move * width + c]` of the mass of each state that enters it by
 * `move`. The same sums in the same order as `gatherPass` makes for one column of one setting, so
 * each column's numbers are the ones its own solve gives. Pure apart from writing `following`.
 * Cost: one sweep of the rows, `width` multiply-adds a transition; `width` must be in
 * `BLOCK_WIDTHS`.
 */
export function gatherBlock(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
  width: number,
): void {
  if (width === 4) gather4(rows, share, stay, current, following);
  else if (width === 2) gather2(rows, share, stay, current, following);
  else gather1(rows, share, stay, current, following);
}

function gather4(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = 0; j < count; j++, at += 4) {
    let a = (stay[at] as number) * (current[at] as number);
    let b = (stay[at + 1] as number) * (current[at + 1] as number);
    let d = (stay[at + 2] as number) * (current[at + 2] as number);
    let e = (stay[at + 3] as number) * (current[at + 3] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++) {
      const from = (inSource[g] as number) * 4;
      const m = (inMove[g] as number) * 4;
      a += (share[m] as number) * (current[from] as number);
      b += (share[m + 1] as number) * (current[from + 1] as number);
      d += (share[m + 2] as number) * (current[from + 2] as number);
      e += (share[m + 3] as number) * (current[from + 3] as number);
    }
    following[at] = a;
    following[at + 1] = b;
    following[at + 2] = d;
    following[at + 3] = e;
  }
}

function gather2(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = 0; j < count; j++, at += 2) {
    let a = (stay[at] as number) * (current[at] as number);
    let b = (stay[at + 1] as number) * (current[at + 1] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++) {
      const from = (inSource[g] as number) * 2;
      const m = (inMove[g] as number) * 2;
      a += (share[m] as number) * (current[from] as number);
      b += (share[m + 1] as number) * (current[from + 1] as number);
    }
    following[at] = a;
    following[at + 1] = b;
  }
}

function gather1(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0; j < count; j++) {
    let a = (stay[j] as number) * (current[j] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++)
      a += (share[inMove[g] as number] as number) * (current[inSource[g] as number] as number);
    following[j] = a;
  }
}
