import { isDayMove, type Move } from '../engine/move.js';

/**
 * The moves of a path as short labels, each run of days passing folded into one (`3 days pass`),
 * as the inspector prints a path on one line. Pure.
 */
export function foldDays(moves: readonly Move[]): string[] {
  const out: string[] = [];
  let days = 0;
  const flush = () => {
    if (days > 0) out.push(days === 1 ? 'a day passes' : `${days} days pass`);
    days = 0;
  };
  for (const move of moves) {
    if (isDayMove(move)) days++;
    else {
      flush();
      out.push(move);
    }
  }
  flush();
  return out;
}
