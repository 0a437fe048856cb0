import type { SampleResult } from '../sample/sample-scenario.js';
import type { Colors } from './io.js';
import { formatCount } from '../report/render-path.js';
import { DEFAULT_DIGITS, describeEstimativeRange, formatProbability } from '../report/format-probability.js';
import { plural } from '../report/plural.js';

/** Renders what `parley sample` found, for a person. Pure. */
export function renderSample(r: SampleResult, c: Colors, digits: number = DEFAULT_DIGITS): string {
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
  const width = Math.max(7, ...r.outcomes.map((o) => o.id.length));
  // The words of the whole interval: a frequency near a band's edge does not pick a side.
  const words = r.outcomes.map((o) => describeEstimativeRange(...o.interval95));
  const wordWidth = Math.max(7, ...words.map((w) => w.length));
  const intervalWidth = Math.max(12, 2 * digits + 8);
  out.push(
    c.dim(
      `${'outcome'.padEnd(width)}  ${'runs'.padStart(9)}  ${'frequency'.padEnd(9)}  ${'95% interval'.padEnd(intervalWidth)}  ${'ICD 203'.padEnd(wordWidth)}  ${'at the end'.padEnd(10)}  first day (median, p90)`,
    ),
  );
  for (const [i, o] of r.outcomes.entries()) {
    const interval = `${p(o.interval95[0])}..${p(o.interval95[1])}`;
    const days = o.firstDay ? `${o.firstDay.median}, ${o.firstDay.p90}` : '-';
    const atEnd = p(o.holdsAtEnd.frequency);
    const word = words[i] as string;
    out.push(
      `${o.id.padEnd(width)}  ${formatCount(o.runs).padStart(9)}  ${p(o.frequency).padEnd(9)}  ${interval.padEnd(intervalWidth)}  ${c.dim(word.padEnd(wordWidth))}  ${atEnd.padEnd(10)}  ${days}`,
    );
  }
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
