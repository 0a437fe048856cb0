import type { SampleResult } from '../sample/sample-scenario.js';
import type { Colors } from './io.js';
import { formatCount, formatProbability } from '../report/render-path.js';

/** Renders what `parley sample` found, for a person. Pure. */
export function renderSample(r: SampleResult, c: Colors): string {
  const out: string[] = [];
  out.push(c.bold(r.scenario));
  if (r.stopped)
    out.push(
      c.yellow(
        `Stopped by --timeout after ${formatCount(r.runs)} of ${formatCount(r.requestedRuns)} runs: the frequencies and intervals are those of the runs done.`,
      ),
    );
  out.push(
    `${formatCount(r.runs)} runs from ${r.start.description}, day ${r.start.state.day}, seed ${JSON.stringify(r.seed)}.`,
  );
  const events = r.horizon.maxEvents === null ? '' : `, at most ${r.horizon.maxEvents} events`;
  out.push(
    `Horizon: ${r.horizon.days} days (time is up when day ${r.horizon.endDay} ends)${events}; ${formatCount(r.moves)} moves sampled.`,
  );
  if (r.cut > 0) out.push(c.yellow(`${formatCount(r.cut)} runs were cut after too many moves.`));
  if (r.dayNeverEnds > 0)
    out.push(
      c.yellow(
        `In ${formatCount(r.dayNeverEnds)} runs a day never ended: urgent events kept each other possible for ever.`,
      ),
    );
  out.push('');
  const width = Math.max(7, ...r.outcomes.map((o) => o.id.length));
  out.push(
    c.dim(
      `${'outcome'.padEnd(width)}  ${'runs'.padStart(9)}  ${'frequency'.padEnd(9)}  ${'95% interval'.padEnd(17)}  ${'at the end'.padEnd(10)}  first day (median, p90)`,
    ),
  );
  for (const o of r.outcomes) {
    const interval = `${formatProbability(o.interval95[0])}..${formatProbability(o.interval95[1])}`;
    const days = o.firstDay ? `${o.firstDay.median}, ${o.firstDay.p90}` : '-';
    const atEnd = formatProbability(o.holdsAtEnd.frequency);
    out.push(
      `${o.id.padEnd(width)}  ${formatCount(o.runs).padStart(9)}  ${formatProbability(o.frequency).padEnd(9)}  ${interval.padEnd(17)}  ${atEnd.padEnd(10)}  ${days}`,
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
