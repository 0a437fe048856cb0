import type { SensitivityResult } from '../analysis/sensitivity.js';
import { describeTornadoRow, hasNoEffect } from '../analysis/tornado-row.js';
import type { Colors } from '../report/colors.js';
import {
  DEFAULT_DIGITS,
  describeEstimativeRange,
  formatProbability,
  formatProbabilityWithWord,
} from '../report/format-probability.js';
import { describeCut } from './describe-cut.js';
import { plural } from '../report/plural.js';

/** Renders `parley sensitivity`: the assumptions with their reasons, each outcome's range and its tornado table. Pure. */
export function renderSensitivity(r: SensitivityResult, c: Colors, digits: number = DEFAULT_DIGITS): string {
  const p = (value: number) => formatProbability(value, digits);
  const out = [
    c.bold('Sensitivity to the assumptions'),
    `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}.`,
  ];
  if (r.assumptions.length === 0) out.push('No uncertain likelihoods: every likelihood is a single number.');
  else {
    out.push(`${plural(r.assumptions.length, 'uncertain likelihood')}:`);
    for (const a of r.assumptions) {
      const confidence = a.confidence ? `, ${a.confidence} confidence` : '';
      out.push(`   ${a.event} [${a.cites.join(' ')}] ${a.likelihood}${confidence}`);
      out.push(a.rationale ? c.dim(`      ${a.rationale}`) : c.yellow('      no rationale given'));
    }
  }
  const { window, horizon } = r.structural;
  out.push(
    `Structural: the likelihood window, ${plural(window.nominal, 'day')}, from ${window.low} to ${window.high} (every window scaled together); the horizon, ${plural(horizon.nominal, 'day')}, from ${horizon.low} to ${horizon.high}.`,
  );
  if (!r.exhaustive || r.stopped) {
    const partial = r.exhaustive
      ? 'solving was stopped by --timeout; the table lists the assumptions solved, the range the points solved'
      : `the search was ${describeCut(r.stopped)}; the probabilities count the unexplored states as never reaching an outcome (lower bounds)`;
    out.push(c.yellow(`Partial: ${partial}.`));
  }
  out.push(
    r.method === 'corners'
      ? 'Range: over every corner of the likelihoods\u2019 bands (window and horizon as given).'
      : 'Range: per outcome, over the corners where every likelihood sits at the end of its band that moves the outcome down, or up (too many for every corner; window and horizon as given).',
  );
  for (const o of r.outcomes) {
    out.push(
      '',
      `${c.bold(o.id)}: ${formatProbabilityWithWord(o.nominal, digits)}; from ${p(o.low)} to ${p(o.high)} (${describeEstimativeRange(o.low, o.high)})`,
    );
    const widest = Math.max(1e-12, ...o.tornado.map((t) => t.swing));
    for (const t of o.tornado.slice(0, 8)) {
      const bar = hasNoEffect(t, r.errorBound)
        ? c.dim('no effect')
        : c.cyan('█'.repeat(Math.max(1, Math.round((t.swing / widest) * 24))));
      const label = describeTornadoRow(t);
      out.push(
        `   ${(t.kind === 'likelihood' ? label : c.magenta(label)).padEnd(30 + (t.kind === 'likelihood' ? 0 : c.magenta('').length))} ${p(t.atLow).padStart(digits + 4)} .. ${p(t.atHigh).padEnd(digits + 4)} ${bar}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
