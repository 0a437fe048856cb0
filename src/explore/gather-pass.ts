import type { DayTransitions } from './day-transitions.js';

/**
 * One step of the uniformised chain over a day's transitions: `following` (by local place and
 * column, `columns` a state) becomes the mass of `current` after one step, for every column: each
 * state keeps `stay` of its own and gains `share[move]` of the mass of each state that enters it. Columns go four at a time (then
 * three, two or one), each group in one sweep of the rows with its sums in locals: the loop a
 * compiler keeps in registers, where a loop over the columns inside would not be. Pure apart from
 * writing `following`.
 */
export function gatherPass(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
  columns: number,
): void {
  for (let c = 0; c < columns;) {
    const width = Math.min(4, columns - c);
    if (width === 4) gather4(rows, share, stay, current, following, columns, c);
    else if (width === 3) gather3(rows, share, stay, current, following, columns, c);
    else if (width === 2) gather2(rows, share, stay, current, following, columns, c);
    else gather1(rows, share, stay, current, following, columns, c);
    c += width;
  }
}

function gather4(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
  V: number,
  c: number,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = c; j < count; j++, at += V) {
    const keep = stay[j] as number;
    let a = keep * (current[at] as number);
    let b = keep * (current[at + 1] as number);
    let d = keep * (current[at + 2] as number);
    let e = keep * (current[at + 3] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++) {
      const from = (inSource[g] as number) * V + c;
      const s = share[inMove[g] as number] as number;
      a += s * (current[from] as number);
      b += s * (current[from + 1] as number);
      d += s * (current[from + 2] as number);
      e += s * (current[from + 3] as number);
    }
    following[at] = a;
    following[at + 1] = b;
    following[at + 2] = d;
    following[at + 3] = e;
  }
}

function gather3(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
  V: number,
  c: number,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = c; j < count; j++, at += V) {
    const keep = stay[j] as number;
    let a = keep * (current[at] as number);
    let b = keep * (current[at + 1] as number);
    let d = keep * (current[at + 2] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++) {
      const from = (inSource[g] as number) * V + c;
      const s = share[inMove[g] as number] as number;
      a += s * (current[from] as number);
      b += s * (current[from + 1] as number);
      d += s * (current[from + 2] as number);
    }
    following[at] = a;
    following[at + 1] = b;
    following[at + 2] = d;
  }
}

function gather2(
  rows: DayTransitions,
  share: Float64Array,
  stay: Float64Array,
  current: Float64Array,
  following: Float64Array,
  V: number,
  c: number,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = c; j < count; j++, at += V) {
    const keep = stay[j] as number;
    let a = keep * (current[at] as number);
    let b = keep * (current[at + 1] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++) {
      const from = (inSource[g] as number) * V + c;
      const s = share[inMove[g] as number] as number;
      a += s * (current[from] as number);
      b += s * (current[from + 1] as number);
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
  V: number,
  c: number,
): void {
  const { count, inStart, inSource, inMove } = rows;
  for (let j = 0, at = c; j < count; j++, at += V) {
    let a = (stay[j] as number) * (current[at] as number);
    for (let g = inStart[j] as number, end = inStart[j + 1] as number; g < end; g++)
      a += (share[inMove[g] as number] as number) * (current[(inSource[g] as number) * V + c] as number);
    following[at] = a;
  }
}
