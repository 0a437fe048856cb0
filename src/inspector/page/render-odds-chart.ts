/// <reference lib="dom" />
import type { ExploreResult } from '../../explore/explore-scenario.js';
import { formatProbability } from '../../report/format-probability.js';
import { html, svg } from './dom.js';

const WIDTH = 420;
const HEIGHT = 170;
const MARGIN = { left: 34, right: 70, top: 12, bottom: 28 };
/** Line colours, each at least 3:1 against the page's white, with a dash pattern so that colour is not the only cue. */
const LINES = [
  { colour: '#2d6cdf', dash: undefined },
  { colour: '#b83a0a', dash: '6 3' },
  { colour: '#1b7a3a', dash: '2 2' },
  { colour: '#7a1f9c', dash: '8 3 2 3' },
  { colour: '#8a6100', dash: undefined },
  { colour: '#0b6e80', dash: '6 3' },
  { colour: '#a3127a', dash: '2 2' },
  { colour: '#5b6475', dash: '8 3 2 3' },
] as const;

/**
 * Draws, for the current point, the chance of having reached each outcome by the end of each day
 * of the horizon (`parley explore`'s curves), one line per outcome that can be reached, on a scale
 * from 0 to 1, the horizon's last day marked; with a legend that gives each line's final chance,
 * and the same in words for a screen reader. Null when there is nothing to draw (a search cut
 * short has no curves).
 */
export function renderOddsChart(result: ExploreResult): HTMLElement | null {
  const curves = result.outcomes.filter(
    (o): o is typeof o & { reachedByDay: readonly number[] } =>
      o.reachedByDay !== null && o.reachedByDay.some((p) => p > 0),
  );
  if (curves.length === 0 || result.horizon.days < 1) return null;
  const { days, endDay } = result.horizon;
  const startDay = endDay - days + 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (day: number) => MARGIN.left + (days > 1 ? ((day - startDay) / (days - 1)) * plotWidth : plotWidth);
  const y = (p: number) => MARGIN.top + (1 - p) * plotHeight;
  const axes = [
    svg('line', { class: 'axis', x1: x(startDay), y1: y(0), x2: x(endDay), y2: y(0) }),
    svg('line', { class: 'axis', x1: x(startDay), y1: y(0), x2: x(startDay), y2: y(1) }),
    ...[0, 0.5, 1].map((p) =>
      svg('text', { x: MARGIN.left - 4, y: y(p) + 4, 'text-anchor': 'end', class: 'tick' }, String(p)),
    ),
    svg('text', { x: x(startDay), y: HEIGHT - 8, 'text-anchor': 'start', class: 'tick' }, `day ${startDay}`),
    svg('line', { class: 'horizon', x1: x(endDay), y1: y(0), x2: x(endDay), y2: y(1) }),
    svg('text', { x: x(endDay) + 4, y: y(1) + 10, class: 'tick' }, 'horizon'),
    svg('text', { x: x(endDay) + 4, y: y(1) + 24, class: 'tick' }, `day ${endDay}`),
  ];
  const lines = curves.map((o, i) => {
    const style = LINES[i % LINES.length] as (typeof LINES)[number];
    const points = o.reachedByDay.map((p, d) => `${x(startDay + d).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
    return svg('polyline', {
      points,
      fill: 'none',
      stroke: style.colour,
      'stroke-width': 2,
      'stroke-dasharray': style.dash,
      'data-outcome': o.id,
    });
  });
  const label = `The chance of having reached each outcome by each day from day ${startDay} to the horizon, day ${endDay}: ${curves
    .map((o) => `${o.id} ${formatProbability(o.reachedByDay.at(-1) ?? 0)}`)
    .join(', ')}`;
  const legend = html(
    'ul',
    { class: 'odds-legend' },
    ...curves.map((o, i) => {
      const style = LINES[i % LINES.length] as (typeof LINES)[number];
      return html(
        'li',
        {},
        svg(
          'svg',
          { width: 24, height: 10, 'aria-hidden': 'true' },
          svg('line', {
            x1: 0,
            y1: 5,
            x2: 24,
            y2: 5,
            stroke: style.colour,
            'stroke-width': 2,
            'stroke-dasharray': style.dash,
          }),
        ),
        ` ${o.id} ${formatProbability(o.reachedByDay.at(-1) ?? 0)}`,
      );
    }),
  );
  return html(
    'figure',
    { class: 'odds-chart' },
    svg(
      'svg',
      { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label },
      ...axes,
      ...lines,
    ),
    html('figcaption', {}, `Reached by each day, to the horizon (day ${endDay})`, legend),
  );
}
