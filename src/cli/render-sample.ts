import type { SampleResult } from '../sample/sample-scenario.js';
import type { Colors } from './io.js';
import { formatCount } from '../report/render-path.js';
import { layoutTable, type TableCell, type TableColumn } from '../report/layout-table.js';
import { DEFAULT_DIGITS, describeEstimativeRange, formatProbability } from '../report/format-probability.js';
import { plural } from '../report/plural.js';

/** Renders what `parley sample` found, for a person, its table laid out for `width` columns if given. Pure. */
export function renderSample(r: SampleResult, c: Colors, digits: number = DEFAULT_DIGITS, width?: number): string {
  const p = (value: number) => formatProbability(value, digits);
  const out: string[] = [];
  out.push(c.bold(r.scenario));
  if (r.stopped)
    out.push(
      c.yellow(
        `Stopped by --timeout after ${formatCount(r.runs)} of ${plural(r.requestedRuns, 'run')}: the frequencies and intervals are those of the runs done.`,
      ),
    );
  out.push(
    `${plural(r.runs, 'run')} from ${r.start.description}, day ${r.start.state.day}, seed ${JSON.stringify(r.seed)}.`,
  );
  const events = r.horizon.maxEvents === null ? '' : `, at most ${plural(r.horizon.maxEvents, 'event')}`;
  out.push(
    `Horizon: ${plural(r.horizon.days, 'day')} (time is up when day ${r.horizon.endDay} ends)${events}; ${plural(r.moves, 'move')} sampled.`,
  );
  if (r.cut > 0) out.push(c.yellow(`${plural(r.cut, 'run')} were cut after too many moves.`));
  if (r.dayNeverEnds > 0)
    out.push(
      c.yellow(
        `In ${plural(r.dayNeverEnds, 'run')} a day never ended: urgent events kept each other possible for ever.`,
      ),
    );
  out.push('');
  const columns: TableColumn[] = [
    { header: 'outcome', minWidth: 7 },
    { header: 'runs', align: 'right', minWidth: 9 },
    { header: 'frequency' },
    { header: '95% interval', minWidth: Math.max(12, 2 * digits + 8) },
    { header: 'ICD 203', minWidth: 7 },
    { header: 'at the end' },
    { header: 'first day (median, p90)' },
  ];
  const rows = r.outcomes.map((o): TableCell[] => [
    o.id,
    formatCount(o.runs),
    p(o.frequency),
    `${p(o.interval95[0])}..${p(o.interval95[1])}`,
    // The words of the whole interval: a frequency near a band's edge does not pick a side.
    { text: describeEstimativeRange(...o.interval95), style: c.dim },
    p(o.holdsAtEnd.frequency),
    o.firstDay ? `${o.firstDay.median}, ${o.firstDay.p90}` : '-',
  ]);
  out.push(...layoutTable(columns, rows, { width, headerStyle: c.dim }));
  out.push('', c.bold('Most frequent paths'));
  for (const o of r.outcomes) {
    if (o.paths.length === 0) continue;
    out.push(`${o.id}:`);
    for (const p of o.paths) {
      out.push(
        `   ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.events.length ? p.events.join(' > ') : '(no event: it held at the start or came with the days)'}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
