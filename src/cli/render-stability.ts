import type { StabilityResult } from '../analysis/stability.js';
import type { Colors } from '../report/colors.js';
import {
  CONCEPT_NAMES,
  describeCoalition,
  describeImprovingMoves,
  describeMoves,
} from '../analysis/describe-improving-moves.js';
import { describeCut } from './describe-cut.js';
import { plural } from '../report/plural.js';
import { layoutTable, type TableCell, type TableColumn } from '../report/layout-table.js';

/** How many equilibria reachable from the start are listed per concept (all are in `--json`). */
const STATUS_QUO_SHOWN = 3;

/**
 * Renders `parley stability`: the positions judged, per outcome how many of its positions are
 * equilibria under each concept, the start position and where improvements lead from it, and each
 * outcome's first position with the moves and sanctions behind its verdicts; the table laid out for
 * `width` columns if given. Pure.
 */
export function renderStability(r: StabilityResult, c: Colors, _digits?: number, width?: number): string {
  const yes = (v: boolean | undefined) => (v === undefined ? '-' : v ? c.green('yes') : c.red('no'));
  const names = r.concepts.map((k) => CONCEPT_NAMES[k]);
  const out = [
    c.bold('Stability in the Graph Model for Conflict Resolution'),
    r.scope === 'all'
      ? `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}: every combination of stances and facts, ${plural(r.positions, 'position')}, judged, reachable or not.`
      : `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}: ${plural(r.positions, 'position')} (stances and facts) judged, each once, standing for ${plural(r.jointStates, 'joint state')}.`,
    'Preferences, best first (equally preferred in brackets):',
  ];
  for (const p of r.preferences)
    out.push(
      p.by === 'priorities'
        ? `   ${p.party}, by priority (a state scores 2^(n-k) for the k-th that holds): ${p.order.join(', then ')}`
        : `   ${p.party}: ${p.order.map((x) => (typeof x === 'string' ? x : `[${x.join(' = ')}]`)).join(' > ')}`,
    );
  if (r.preferences.length === 0)
    out.push(
      c.yellow(
        '   none: no party declares `prefers`, so no move improves on anything and every state is trivially stable. Add preferences for a meaningful answer.',
      ),
    );
  if (!r.exhaustive)
    out.push(
      c.yellow(
        `The search was ${describeCut(r.stopped)}: only the positions found were judged, so what follows is not proven.`,
      ),
    );
  // Equilibria per concept, under a heading of their own (its cells empty), a space apart.
  const columns: TableColumn[] = [
    { header: 'outcome', minWidth: 28 },
    { header: 'positions', align: 'right', minWidth: 9 },
    { header: 'equilibria:' },
    ...names.map((name) => ({ header: name, minWidth: 5, gap: 1 })),
  ];
  const rows = r.outcomes.map((o): TableCell[] => [
    o.id,
    String(o.positions),
    '',
    ...r.concepts.map((k) => String(o.equilibria[k] ?? '-')),
  ]);
  out.push('', ...layoutTable(columns, rows, { width, headerStyle: c.dim }));

  const sq = r.statusQuo;
  out.push(
    '',
    `${c.bold('The start')} (${sq.position.outcomes.join(', ') || 'no outcome'}): ${r.concepts.map((k) => `${CONCEPT_NAMES[k]} ${yes(sq.position.equilibrium[k])}`).join(', ')}.`,
  );
  for (const sentence of describeImprovingMoves(sq.position, r.concepts)) out.push(`   ${sentence}`);
  for (const coalition of sq.position.coalitions) out.push(`   ${describeCoalition(coalition)}`);
  out.push('From the start, by unilateral improvements (any party, each from where it stands):');
  for (const reach of r.statusQuo.reach) {
    const listed = reach.equilibria.slice(0, STATUS_QUO_SHOWN).map((e) => {
      // A position no outcome names is named by its stances.
      const where =
        e.outcomes.join(', ') ||
        Object.entries(e.state.stances)
          .map(([party, stance]) => `${party} ${stance}`)
          .join(', ');
      return e.path.length ? `${where} via ${describeMoves(e.path)}` : `${where} (the start itself)`;
    });
    const more =
      reach.equilibria.length > STATUS_QUO_SHOWN ? `; and ${reach.equilibria.length - STATUS_QUO_SHOWN} more` : '';
    out.push(
      `   ${CONCEPT_NAMES[reach.concept]} equilibria: ${reach.equilibria.length ? `${reach.equilibria.length}, nearest first: ${listed.join('; ')}${more}` : 'none reachable'}`,
    );
  }

  for (const o of r.outcomes) {
    if (o.first === null) continue;
    const sentences = describeImprovingMoves(o.first, r.concepts);
    const coalitions = o.first.coalitions.map(describeCoalition);
    if (sentences.length === 0 && coalitions.length === 0) continue;
    out.push(
      '',
      `${c.bold(o.id)} (day ${o.first.state.day}, the first position where it holds): ${r.concepts.map((k) => `${CONCEPT_NAMES[k]} ${yes(o.first?.equilibrium[k])}`).join(', ')}.`,
    );
    for (const sentence of [...sentences, ...coalitions]) out.push(`   ${sentence}`);
  }
  return `${out.join('\n')}\n`;
}
