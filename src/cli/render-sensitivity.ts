import type { SensitivityResult } from '../analysis/sensitivity.js';
import type { Colors } from '../report/colors.js';
import {
  DEFAULT_DIGITS,
  describeEstimativeRange,
  formatProbability,
  formatProbabilityWithWord,
} from '../report/format-probability.js';
import { describeCut } from './describe-cut.js';

/** Renders `parley sensitivity`: each outcome's range and its tornado table, with bars. Pure. */
export function renderSensitivity(r: SensitivityResult, c: Colors, digits: number = DEFAULT_DIGITS): string {
  const p = (value: number) => formatProbability(value, digits);
  const out = [
    c.bold('Sensitivity to the uncertain likelihoods'),
    `From ${r.start.description}, day ${r.start.day}, within ${r.horizon.days} days.`,
  ];
  out.push(
    r.assumptions.length === 0
      ? 'No uncertain likelihoods: every likelihood is a single number.'
      : `${r.assumptions.length} assumptions: ${r.assumptions.map((a) => `${a.event} [${a.cites.join(' ')}] ${a.likelihood}`).join(', ')}.`,
  );
  if (!r.exhaustive || r.stopped) {
    const partial = r.exhaustive
      ? 'solving was stopped by --timeout; the table lists the assumptions solved, the range the points solved'
      : `the search was ${describeCut(r.stopped)}; the probabilities count the unexplored states as never reaching an outcome (lower bounds)`;
    out.push(c.yellow(`Partial: ${partial}.`));
  }
  out.push(
    r.method === 'corners'
      ? 'Range: over every corner of the likelihoods\u2019 bands.'
      : 'Range: per outcome, over the corners where every likelihood sits at the end of its band that moves the outcome down, or up (too many for every corner).',
  );
  for (const o of r.outcomes) {
    out.push(
      '',
      `${c.bold(o.id)}: ${formatProbabilityWithWord(o.nominal, digits)}; from ${p(o.low)} to ${p(o.high)} (${describeEstimativeRange(o.low, o.high)})`,
    );
    const widest = Math.max(1e-12, ...o.tornado.map((t) => t.swing));
    for (const t of o.tornado.slice(0, 8)) {
      const bar = '█'.repeat(Math.max(1, Math.round((t.swing / widest) * 24)));
      out.push(
        `   ${t.event.padEnd(30)} ${p(t.atLow).padStart(digits + 4)} .. ${p(t.atHigh).padEnd(digits + 4)} ${c.cyan(bar)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
