/// <reference lib="dom" />
import type { Party } from '../../model/model.js';
import type { ChartLayout } from './chart-layout.js';
import { html, svg } from './dom.js';
import { addChartZoom } from './chart-zoom.js';

/** A party's drawn chart, with handles to light its active stance and mark the transitions taken. */
export interface DrawnChart {
  readonly element: HTMLElement;
  readonly stances: ReadonlyMap<string, SVGElement>;
  readonly edges: ReadonlyMap<string, SVGElement>;
  /** The id of the arrowhead of an edge of a kind: `plain`, `taken` or `last`. */
  readonly marker: (kind: string) => string;
}

/**
 * Draws a party's chart from its layout: stances as focusable boxes (hovering or focusing one shows
 * its definition and cited paragraphs), transitions as arrows labelled with their event.
 */
export function drawChart(party: Party, layout: ChartLayout, tooltip: HTMLElement): DrawnChart {
  const margin = 12;
  const root = svg('svg', {
    viewBox: `${-margin} ${-margin} ${layout.width + 2 * margin} ${layout.height + 2 * margin}`,
    width: layout.width + 2 * margin,
    height: layout.height + 2 * margin,
    role: 'group',
    'aria-label': `${party.name}: statechart`,
  });
  // One arrowhead per look of an edge, each in its edge's colour.
  const marker = (kind: string) => `arrow-${kind}-${party.id}`;
  const arrowhead = (kind: string) =>
    svg(
      'marker',
      {
        id: marker(kind),
        class: `arrowhead ${kind}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
    );
  root.append(svg('defs', {}, arrowhead('plain'), arrowhead('taken'), arrowhead('last')));

  const edges = new Map<string, SVGElement>();
  for (const edge of layout.edges) {
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    const group = svg('g', { class: 'transition', 'data-event': edge.event });
    group.append(svg('path', { d, 'marker-end': `url(#${marker('plain')})` }));
    if (edge.label) {
      // On its own edge, never beside it where another edge may run: at the middle of the edge's
      // longest segment, with a halo (see app.css).
      const at = getLabelPoint(edge.points);
      group.append(
        svg('text', { x: at.x, y: at.y + 4, 'text-anchor': 'middle', class: 'transition-label' }, edge.event),
      );
    }
    root.append(group);
    edges.set(edge.id, group);
  }

  const stances = new Map<string, SVGElement>();
  for (const node of layout.nodes) {
    const stance = party.stances.find((s) => s.id === node.id);
    if (!stance) continue;
    const describe = `${stance.defines} (${stance.cites.join(', ')})`;
    const group = svg('g', {
      class: 'stance',
      tabindex: 0,
      role: 'img',
      'aria-label': `${stance.id}: ${describe}`,
      'data-stance': stance.id,
      'data-party': party.id,
    });
    group.append(
      svg('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: 8 }),
      svg('text', { x: node.x + node.width / 2, y: node.y + node.height / 2 + 4, 'text-anchor': 'middle' }, stance.id),
    );
    const show = () =>
      showTooltip(tooltip, group, `${party.name} — ${stance.id}`, stance.defines, `Cited: ${stance.cites.join(', ')}`);
    group.addEventListener('mouseenter', show);
    group.addEventListener('focus', show);
    group.addEventListener('mouseleave', () => (tooltip.hidden = true));
    group.addEventListener('blur', () => (tooltip.hidden = true));
    root.append(group);
    stances.set(stance.id, group);
  }

  const voice = party.voice ? html('span', { class: 'voice' }, ` — ${party.voice}`) : '';
  // A wide chart takes a whole row, so that its labels stay readable.
  const element = html('section', {
    class: layout.width > 420 ? 'chart wide' : 'chart',
    'aria-label': `${party.name} chart`,
    'data-party': party.id,
  });
  const { toolbar, box } = addChartZoom(element, root as SVGSVGElement, `${party.name} chart`);
  element.append(html('div', { class: 'chart-head' }, html('h3', {}, party.name, voice), toolbar), box);
  return { element, stances, edges, marker };
}

function showTooltip(tooltip: HTMLElement, anchor: Element, title: string, text: string, cites: string): void {
  tooltip.replaceChildren(html('strong', {}, title), html('p', {}, text), html('p', { class: 'cites' }, cites));
  const box = anchor.getBoundingClientRect();
  tooltip.style.left = `${box.left + window.scrollX}px`;
  tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
  tooltip.hidden = false;
}

/**
 * Lights the active stance (`aria-current="true"`), marks the transitions taken so far and, apart,
 * the ones the last step took; each edge's arrowhead takes its colour.
 */
export function updateChart(
  chart: DrawnChart,
  active: string,
  taken: ReadonlySet<string>,
  lastTaken: ReadonlySet<string>,
): void {
  for (const [id, element] of chart.stances) {
    if (id === active) element.setAttribute('aria-current', 'true');
    else element.removeAttribute('aria-current');
  }
  for (const [id, element] of chart.edges) {
    const kind = lastTaken.has(id) ? 'last' : taken.has(id) ? 'taken' : 'plain';
    element.classList.toggle('taken', kind !== 'plain');
    element.classList.toggle('last', kind === 'last');
    element.querySelector('path')?.setAttribute('marker-end', `url(#${chart.marker(kind)})`);
  }
}

/** The middle of a polyline's longest segment: where its label sits on it. Pure. */
export function getLabelPoint(points: readonly { readonly x: number; readonly y: number }[]): { x: number; y: number } {
  let best = { x: points[0]?.x ?? 0, y: points[0]?.y ?? 0 };
  let longest = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length > longest) {
      longest = length;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}
