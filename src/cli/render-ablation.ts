import type { AblationResult, ElementEffect } from '../analysis/ablation.js';
import type { Colors } from '../report/colors.js';
import { DEFAULT_DIGITS, formatProbability } from '../report/format-probability.js';
import { formatCount } from '../report/render-path.js';
import { describeCut } from './describe-cut.js';
import { plural } from '../report/plural.js';
import { layoutTableRows, type TableCell, type TableColumn } from '../report/layout-table.js';

/**
 * Renders `parley ablate`: the elements that move an outcome, largest first (their table laid out
 * for `width` columns if given), then the inert ones. Pure.
 */
export function renderAblation(r: AblationResult, c: Colors, digits: number = DEFAULT_DIGITS, width?: number): string {
  const p = (value: number | null) => (value === null ? '?' : formatProbability(value, digits));
  const moving = r.elements.filter((e) => e.effect === 'moves');
  const inert = r.elements.filter((e) => e.effect === 'inert');
  const unknown = r.elements.filter((e) => e.effect === 'cannot-tell');
  const reused = r.elements.filter((e) => e.solved === 'reused').length;
  const out = [
    c.bold('Ablation: each modelling element removed in turn, the scenario explored again exactly'),
    `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}; ${plural(r.search.states, 'joint state')}${r.search.exhaustive ? ', exhaustive' : ''}.`,
    `With every element: ${r.outcomes.map((o) => `${o.id} ${p(o.probability)}`).join(', ')}.`,
    `${plural(r.elements.length, 'element')}${r.elements.length < r.total ? ` of ${r.total}` : ''}: ${moving.length} move an outcome, ${inert.length} inert${unknown.length ? `, ${unknown.length} cannot tell (a search cut short)` : ''}; ${reused} solved on the scenario's own graph (events that are not urgent), ${r.elements.length - reused} explored anew.`,
  ];
  if (r.stopped)
    out.push(
      c.yellow(
        `Partial: ${describeCut(true)} after ${formatCount(r.elements.length)} of ${plural(r.total, 'element')}.`,
      ),
    );
  if (!r.search.exhaustive)
    out.push(c.yellow(`The scenario's own search was ${describeCut(false)}: no change can be told from noise.`));

  if (moving.length > 0) {
    const columns: TableColumn[] = [
      { header: 'rank', align: 'right', minWidth: 4 },
      { header: 'swing', minWidth: digits + 4 },
      { header: 'most moved' },
      { header: 'element (paragraphs)' },
    ];
    // Notes start under the most-moved column: past the rank, the widest swing and their gaps.
    const swings = moving.map((e) => formatProbability(e.swing, digits));
    let indent = ' '.repeat(4 + 2 + Math.max(digits + 4, ...swings.map((t) => t.length)) + 2);
    // Each element's row, laid out with the others' (the same widths), with its notes under it.
    const table = layoutTableRows(
      columns,
      moving.map((e, i): TableCell[] => [
        String(i + 1),
        swings[i] as string,
        describeMostMoved(e, r.outcomes, p),
        { text: `${e.id} (${e.cites.join(' ')})`, style: (t) => t.replace(/\(.*$/, (cites) => c.dim(cites)) },
      ]),
      { width, headerStyle: c.dim, heading: 3 },
    );
    // Stacked (no header), the notes go under the pairs.
    if (table.header.length === 0) indent = ' '.repeat(3);
    out.push('', ...table.header);
    moving.forEach((e, i) => {
      out.push(...(table.rows[i] as string[]));
      out.push(c.dim(`${indent}${e.description}`));
      if (e.note?.assumption) out.push(c.magenta(`${indent}the modeller's assumption: ${e.note.assumption}`));
      for (const problem of e.timeline) out.push(c.yellow(`${indent}without it the timeline breaks: ${problem}`));
    });
  }
  if (inert.length > 0) {
    out.push(
      '',
      c.bold(`Inert (${inert.length}): removing any one of these changes no outcome's reachability or odds from here`),
    );
    for (const e of inert)
      out.push(
        `   ${e.id} ${c.dim(`(${e.cites.join(' ')})`)}`,
        c.dim(`      ${e.description}`),
        e.note?.inert ? `      why it stays: ${e.note.inert}` : c.yellow('      no note says why it stays'),
      );
  }
  if (unknown.length > 0) {
    out.push('', c.bold(`Cannot tell (${unknown.length}): a search was cut short`));
    for (const e of unknown) out.push(`   ${e.id}`);
  }
  return `${out.join('\n')}\n`;
}

/** `summit-backfires 0.14 → 0.89`: the outcome an element moves most, before and after. */
function describeMostMoved(
  e: ElementEffect,
  baseline: AblationResult['outcomes'],
  p: (value: number | null) => string,
): string {
  const changed = e.outcomes.filter((o) => o.change !== 'unchanged');
  const size = (o: (typeof changed)[number]) => Math.max(Math.abs(o.delta ?? 0), Math.abs(o.holdsAtEndDelta ?? 0));
  const most = changed.reduce<(typeof changed)[number] | undefined>(
    (best, o) => (!best || size(o) > size(best) ? o : best),
    undefined,
  );
  if (!most) return e.timeline.length > 0 ? 'the timeline' : '';
  const before = baseline.find((o) => o.id === most.id);
  if (!before || (most.delta === null && most.holdsAtEndDelta === null)) return `${most.id}: ${most.change}`;
  return Math.abs(most.delta ?? 0) >= Math.abs(most.holdsAtEndDelta ?? 0)
    ? `${most.id} ${p(before.probability)} → ${p(most.probability)}`
    : `${most.id} at the end ${p(before.holdsAtEnd)} → ${p(most.holdsAtEnd)}`;
}
