import type { StabilityResult } from '../analysis/stability.js';
import type { Colors } from '../report/colors.js';
import { describeImprovingMoves } from '../analysis/describe-improving-moves.js';
import { describeCut } from './describe-cut.js';

/** Renders `parley stability`: per outcome, Nash and sequential stability, with the moves and sanctions behind them. Pure. */
export function renderStability(r: StabilityResult, c: Colors): string {
  const yes = (v: boolean | null) => (v === null ? '-' : v ? c.green('yes') : c.red('no'));
  const out = [
    c.bold('Stability of the reachable outcomes (Graph Model for Conflict Resolution)'),
    `From ${r.start.description}, day ${r.start.day}.`,
    'Preferences, best first:',
  ];
  for (const p of r.preferences) out.push(`   ${p.party}: ${p.order.join(' > ')}`);
  if (r.preferences.length === 0)
    out.push(
      c.yellow(
        '   none: no party declares `prefers`, so no move improves on anything and every state is trivially stable. Add preferences for a meaningful answer.',
      ),
    );
  if (!r.exhaustive)
    out.push(
      c.yellow(
        `The search was ${describeCut(r.stopped)}: only the states found were analysed, so what follows is not proven.`,
      ),
    );
  out.push('', c.dim(`${'outcome'.padEnd(28)}  Nash  SEQ   states (Nash, SEQ / all where it holds)`));
  for (const o of r.outcomes)
    out.push(
      `${o.id.padEnd(28)}  ${yes(o.nash).padEnd(4)}  ${yes(o.sequential).padEnd(4)}  ${o.states.nash}, ${o.states.sequential} / ${o.states.total}`,
    );
  for (const o of r.outcomes) {
    if (o.state === null) continue;
    const sentences = describeImprovingMoves(o);
    if (sentences.length === 0) continue;
    out.push('', `${c.bold(o.id)} (day ${o.state.day}, the first state where it holds):`);
    for (const sentence of sentences) out.push(`   ${sentence}`);
  }
  return `${out.join('\n')}\n`;
}
