/// <reference lib="dom" />
import { formatProbability } from '../../report/format-probability.js';
import { svg } from './dom.js';

const WIDTH = 96;
const HEIGHT = 24;

/**
 * Draws the chance of having reached an outcome by the end of each day as a small line, scaled to
 * its own highest value (written beside the line, so a flat-looking small chance is not mistaken
 * for none), with the values for a screen reader in its label.
 */
export function renderCurve(reachedByDay: readonly number[]): SVGElement {
  const top = Math.max(...reachedByDay, 0);
  const scale = top > 0 ? top : 1;
  const step = reachedByDay.length > 1 ? WIDTH / (reachedByDay.length - 1) : 0;
  const points = reachedByDay
    .map((p, d) => `${(d * step).toFixed(1)},${(HEIGHT - 2 - (p / scale) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
  const last = reachedByDay.length;
  const label = `reached by day 1: ${formatProbability(reachedByDay[0] ?? 0)}; by day ${last}: ${formatProbability(reachedByDay.at(-1) ?? 0)}`;
  return svg(
    'svg',
    { class: 'curve', width: WIDTH + 44, height: HEIGHT, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('polyline', { points, fill: 'none', 'stroke-width': 1.5 }),
    svg('text', { x: WIDTH + 4, y: 10, 'font-size': 10 }, formatProbability(top)),
  );
}
