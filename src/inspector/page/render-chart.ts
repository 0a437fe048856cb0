/// <reference lib="dom" />
import type { Party } from '../../model/model.js';
import type { ChartLayout } from './chart-layout.js';
import { html, svg } from './dom.js';

/** A party's drawn chart, with handles to light its active stance and mark the transitions taken. */
export interface DrawnChart {
  readonly element: HTMLElement;
  readonly stances: ReadonlyMap<string, SVGElement>;
  readonly edges: ReadonlyMap<string, SVGElement>;
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
  const marker = `arrow-${party.id}`;
  root.append(
    svg(
      'defs',
      {},
      svg(
        'marker',
        {
          id: marker,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
      ),
    ),
  );

  const edges = new Map<string, SVGElement>();
  for (const edge of layout.edges) {
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    const group = svg('g', { class: 'transition', 'data-event': edge.event });
    group.append(svg('path', { d, 'marker-end': `url(#${marker})` }));
    if (edge.label)
      group.append(
        svg(
          'text',
          { x: edge.label.x + 3, y: edge.label.y + edge.label.height - 3, class: 'transition-label' },
          edge.event,
        ),
      );
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
  const element = html(
    'section',
    { class: layout.width > 420 ? 'chart wide' : 'chart', 'aria-label': `${party.name} chart`, 'data-party': party.id },
    html('h3', {}, party.name, voice),
    root,
  );
  return { element, stances, edges };
}

function showTooltip(tooltip: HTMLElement, anchor: Element, title: string, text: string, cites: string): void {
  tooltip.replaceChildren(html('strong', {}, title), html('p', {}, text), html('p', { class: 'cites' }, cites));
  const box = anchor.getBoundingClientRect();
  tooltip.style.left = `${box.left + window.scrollX}px`;
  tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
  tooltip.hidden = false;
}

/** Lights the active stance (`aria-current="true"`) and marks the transitions taken so far. */
export function updateChart(chart: DrawnChart, active: string, taken: ReadonlySet<string>): void {
  for (const [id, element] of chart.stances) {
    if (id === active) element.setAttribute('aria-current', 'true');
    else element.removeAttribute('aria-current');
  }
  for (const [id, element] of chart.edges) element.classList.toggle('taken', taken.has(id));
}
