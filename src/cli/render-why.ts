import { describeProducer } from '../analysis/describe-producer.js';
import type { WhyResult } from '../analysis/why.js';
import type { Colors } from '../report/colors.js';
import { renderPath } from '../report/render-path.js';
import { describeCut } from './describe-cut.js';
import { describeEvidence } from '../report/describe-evidence.js';
import { DEFAULT_DIGITS } from '../report/format-probability.js';
import { plural } from '../report/plural.js';

/** Renders `parley why`: the path, the necessary events, the blocking sets, or why it cannot happen. Pure. */
export function renderWhy(r: WhyResult, c: Colors, digits: number = DEFAULT_DIGITS): string {
  const out = [c.bold(`Why ${r.outcome.id}?`) + ` ${r.outcome.means} ${c.dim(`(${r.outcome.cites.join(' ')})`)}`];
  out.push(`It holds when: ${r.outcome.condition}.`);
  out.push(
    `From ${r.start.description}, day ${r.start.day}, within ${plural(r.horizon.days, 'day')}; ${plural(r.states, 'joint state')} searched${r.exhaustive ? ', exhaustively' : c.yellow(`, but the work was ${describeCut(r.stopped)}: what follows is not proven${r.stopped ? ' and may be incomplete' : ''}`)}.`,
    '',
  );
  if (r.reachable && r.witness) {
    out.push(c.bold(`How: ${describeEvidence(r.path, r.witness, digits)}`));
    out.push(...renderPath(r.witness.steps, '   ', c), '');
    out.push(c.bold('Necessary: every path to it takes'));
    // Without an exhaustive search, that an event can be gone around is not known: nothing is claimed.
    if (r.necessary.length === 0)
      out.push(
        r.exhaustive
          ? '   no single event: each can be gone around.'
          : '   none proven: the search was cut before any event could be shown necessary.',
      );
    for (const e of r.necessary)
      out.push(
        `   ${c.bold(e.id)}  ${c.dim(`(${e.cites.join(' ')})`)}  ${e.summary}`,
        `      ${c.italic(`> ${e.quote}`)}`,
      );
    out.push(
      '',
      c.bold(`Blocking sets: the smallest sets of events (up to ${r.maxSetSize}) without which it cannot happen`),
    );
    if (r.blockingSets.length === 0)
      out.push(
        r.exhaustive ? `   none of up to ${plural(r.maxSetSize, 'event')}.` : '   none proven: the search was cut.',
      );
    for (const set of r.blockingSets) out.push(`   ${set.map((e) => e.id).join(' + ')}`);
  } else if (r.unreachable) {
    out.push(
      r.exhaustive
        ? c.red('It cannot be reached from here within the horizon.')
        : c.yellow('It was not found in the states searched.'),
    );
    if (r.unreachable.neverHold.length)
      out.push(
        `These parts of its condition hold in no ${r.exhaustive ? 'reachable' : 'searched'} state: ${r.unreachable.neverHold.join('; ')}.`,
      );
    if (r.unreachable.producers.length) out.push('The events that could make them hold:');
    for (const p of r.unreachable.producers)
      out.push(
        `   ${c.bold(p.event.id)}  ${c.dim(`(${p.event.cites.join(' ')})`)}  for ${p.for.join('; ')}: ${describeProducer(p)}.`,
      );
    const nearest = r.unreachable.nearest;
    if (nearest) {
      out.push(
        `The nearest state meets ${nearest.holds} of its ${plural(nearest.of, 'part')}; there ${nearest.failing.join('; ')}. It is reached by:`,
      );
      out.push(
        ...(nearest.witness.steps.length ? renderPath(nearest.witness.steps, '   ', c) : ['   (the start itself)']),
      );
    }
  }
  return `${out.join('\n')}\n`;
}
