import type { CheckResult } from '../query/check-query.js';
import type { Colors } from '../report/colors.js';
import { renderPath } from '../report/render-path.js';
import { describeCut } from './describe-cut.js';
import { describeEvidence } from '../report/describe-evidence.js';
import { DEFAULT_DIGITS } from '../report/format-probability.js';
import { describeClauseProbability } from '../report/describe-clause-probability.js';
import { plural } from '../report/plural.js';

/** Renders `parley check`: each clause's answer with its witness or counter-example. Pure. */
export function renderCheck(r: CheckResult, c: Colors, digits: number = DEFAULT_DIGITS): string {
  const verdict = (holds: boolean | null) =>
    holds === true
      ? c.green('holds')
      : holds === false
        ? c.red('does not hold')
        : c.yellow(`cannot be decided (the search was ${describeCut(r.search.stopped)})`);
  const out = [`${c.bold(r.query)}: ${verdict(r.holds)}`];
  out.push(
    `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}; ${plural(r.search.states, 'joint state')} searched${r.search.exhaustive ? ', exhaustively' : ''}.`,
  );
  for (const clause of r.clauses) {
    // A probability clause says its exact value, with its estimative word, before its verdict.
    const value =
      clause.probability === undefined ? '' : ` (probability ${describeClauseProbability(clause.probability, digits)})`;
    out.push('', `${c.bold(clause.text)}${value}: ${verdict(clause.holds)}`);
    if (clause.trace) {
      const noun = clause.evidence === 'witness' ? 'witness' : 'counter-example';
      out.push(`   ${describeEvidence(r.path, clause.trace, digits, noun)}:`);
      out.push(...(clause.trace.steps.length ? renderPath(clause.trace.steps, '   ', c) : ['   (the start itself)']));
    }
  }
  return `${out.join('\n')}\n`;
}
