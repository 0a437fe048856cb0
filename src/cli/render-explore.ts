import type { ExploreResult, OutcomeReach } from '../explore/explore-scenario.js';
import type { Colors } from './io.js';
import { formatCount, renderPath } from '../report/render-path.js';
import {
  DEFAULT_DIGITS,
  formatProbability,
  formatProbabilityWithWord,
  describeEstimativeRange,
} from '../report/format-probability.js';
import { describeCut } from './describe-cut.js';
import { describeEvidence } from '../report/describe-evidence.js';
import { plural } from '../report/plural.js';
import { layoutTable, type TableCell, type TableColumn } from '../report/layout-table.js';

const STATUS_WORDS: Record<OutcomeReach['status'], string> = {
  'holds-at-start': 'holds now',
  reachable: 'reachable',
  unreachable: 'unreachable',
  'not-found': 'not found',
};

/** Renders what `parley explore` found, for a person, its table laid out for `width` columns if given. Pure. */
export function renderExplore(r: ExploreResult, c: Colors, digits: number = DEFAULT_DIGITS, width?: number): string {
  const p = (value: number) => formatProbability(value, digits);
  const out: string[] = [];
  out.push(c.bold(r.scenario));
  out.push(`From ${r.start.description}, day ${r.start.state.day}.`);
  const events = r.horizon.maxEvents === null ? '' : `, at most ${plural(r.horizon.maxEvents, 'event')}`;
  out.push(
    `Horizon: ${plural(r.horizon.days, 'day')} (time is up when day ${r.horizon.endDay} ends)${events}; a likelihood is the chance of an event within ${plural(r.horizon.likelihoodWindow, 'day')} (or its own window), if it stays possible.`,
  );
  const search = `Searched ${plural(r.search.states, 'joint state')} and ${plural(r.search.transitions, 'transition')}`;
  out.push(
    r.search.exhaustive
      ? `${search}: exhaustive.`
      : `${search}: ${c.yellow(describeCut(r.search.stopped, formatCount(r.search.maxStates)))}; ${plural(r.search.states - r.search.expanded, 'state')} left unexplored.`,
  );
  if (r.odds) {
    out.push(
      `Odds: the calendar chain (events racing within each day, deadlines at its end) solved by uniformisation, each within ${r.odds.errorBound.toExponential(1)}.`,
    );
    if (r.odds.dayNeverEnds > 0)
      out.push(
        c.yellow(
          `With probability ${p(r.odds.dayNeverEnds)} a day never ends: urgent events keep each other possible for ever, and that share reaches nothing more.`,
        ),
      );
  }
  out.push('');

  const points = getCurvePoints(r.horizon.days);
  const columns: TableColumn[] = [
    { header: 'outcome', minWidth: 7 },
    { header: 'status', minWidth: 11 },
    ...points.map((d) => ({ header: `within ${plural(d, 'day')}`, minWidth: digits + 4 })),
    { header: 'ICD 203', minWidth: 7 },
    { header: 'at the end', minWidth: Math.max(10, digits + 4) },
    { header: 'shortest path' },
  ];
  const rows = r.outcomes.map((o): TableCell[] => {
    const colour = o.status === 'unreachable' ? c.red : o.status === 'not-found' ? c.yellow : c.green;
    const cells = points.map((d) =>
      d === r.horizon.days && o.probability === null
        ? `${p(o.probabilityBounds[0])}..${p(o.probabilityBounds[1])}`
        : o.reachedByDay
          ? p(o.reachedByDay[d - 1] as number)
          : '-',
    );
    return [
      o.id,
      { text: STATUS_WORDS[o.status], style: colour },
      ...cells,
      { text: describeEstimativeRange(...o.probabilityBounds), style: c.dim },
      o.holdsAtEnd === null ? '-' : p(o.holdsAtEnd),
      o.witness ? plural(o.witness.moves.length, 'move') : '-',
    ];
  });
  out.push(...layoutTable(columns, rows, { width, headerStyle: c.dim }));

  for (const o of r.outcomes) {
    out.push('', `${c.bold(o.id)}: ${o.means} ${c.dim(`(${o.cites.join(' ')})`)}`);
    if (o.status === 'unreachable') {
      out.push(`   ${c.red('unreachable')}: no path from here reaches it within the horizon (exhaustive search).`);
      continue;
    }
    if (o.status === 'not-found') {
      out.push(
        `   ${c.yellow(`not found within ${plural(r.search.states, 'state')}`)}; probability between ${p(o.probabilityBounds[0])} and ${p(o.probabilityBounds[1])}.`,
      );
      continue;
    }
    const chance =
      o.probability !== null
        ? `probability ${formatProbabilityWithWord(o.probability, digits)}`
        : `probability between ${p(o.probabilityBounds[0])} and ${p(o.probabilityBounds[1])}`;
    const atEnd = o.holdsAtEnd === null ? '' : `; it holds when the horizon ends with probability ${p(o.holdsAtEnd)}`;
    if (o.status === 'holds-at-start') {
      out.push(`   holds at the start (${chance}${atEnd}).`);
      continue;
    }
    const likeliest = r.paths === 'likeliest' && o.likeliest ? o.likeliest : null;
    const shown = likeliest ?? o.witness;
    if (!shown) continue;
    const shortest = likeliest && o.witness ? `; a shortest path takes ${plural(o.witness.moves.length, 'move')}` : '';
    out.push(
      `   ${chance}, within ${plural(r.horizon.days, 'day')}${atEnd}; ${describeEvidence(likeliest ? 'likeliest' : 'shortest', shown, digits)}${shortest}:`,
    );
    out.push(...renderPath(shown.steps, '     ', c));
  }

  out.push('');
  // A cut search has expanded only some states: what it says of dead ends holds for those alone.
  const among = r.search.exhaustive
    ? ''
    : ` among the ${plural(r.search.expanded, 'state')} expanded before the search was cut (there may be more)`;
  if (!r.deadEnds.lookedFor) out.push('Dead ends: not looked for (the search was stopped by --timeout).');
  else if (r.deadEnds.states === 0)
    out.push(
      r.search.exhaustive
        ? 'Dead ends: none (from every state, some event can still happen before time is up).'
        : `Dead ends: none${among}.`,
    );
  else {
    out.push(
      `Dead ends: ${plural(r.deadEnds.states, 'state')}${among}, entered at ${plural(r.deadEnds.entries, 'point')}, where no event can happen any more before time is up. The first:`,
    );
    for (const d of r.deadEnds.examples) {
      const path = d.witness.moves.filter((m) => m !== '+1 day').join(' > ') || '(the start)';
      out.push(
        `   day ${d.state.day} after ${path}; outcomes holding: ${d.outcomes.length ? d.outcomes.join(', ') : 'none'}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** The days after which the table shows the chance of an outcome: a week, a fortnight, the horizon. */
function getCurvePoints(days: number): number[] {
  return [...new Set([7, 14, days].filter((d) => d >= 1 && d <= days))];
}
