import type { PathStep } from '../run/path-steps.js';
import type { Colors } from './colors.js';

/**
 * Renders a path's steps, numbered, each event with its day, paragraphs and quote; consecutive
 * days passing are folded into one line. Pure.
 */
export function renderPath(steps: readonly PathStep[], indent: string, c: Colors): string[] {
  const lines: string[] = [];
  let number = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as PathStep;
    number++;
    if (s.move === '+1 day') {
      let last = i;
      while (steps[last + 1]?.move === '+1 day') last++;
      const days = last - i + 1;
      const to = (steps[last] as PathStep).day;
      lines.push(
        `${indent}${number}. ${c.dim(days === 1 ? `a day passes (day ${to})` : `${days} days pass (to day ${to})`)}`,
      );
      i = last;
      continue;
    }
    lines.push(`${indent}${number}. ${c.cyan(`day ${s.day}`)}  ${c.bold(s.move)}  ${c.dim(`(${s.cites.join(' ')})`)}`);
    lines.push(`${indent}   ${c.italic(`> ${s.quote}`)}`);
  }
  return lines;
}

/** Formats a count with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
