import type { FactValue } from '../model/condition.js';
import type { RunRecord, ScenarioRecord, StepRecord, SummaryRecord } from '../run/trace-report.js';
import type { Colors } from './io.js';
import { plural } from '../report/plural.js';

/** Renders the records of a run as the readable trace `parley run` prints. Pure. */
export function renderRun(records: readonly RunRecord[], c: Colors): string {
  const scenario = records.find((r): r is ScenarioRecord => r.type === 'scenario');
  const width = Math.max(0, ...(scenario?.parties.map((p) => p.id.length) ?? []));
  return records
    .map((r) => {
      if (r.type === 'scenario') return renderScenario(r, c);
      if (r.type === 'step') return renderStep(r, width, c);
      return renderSummary(r, width, c);
    })
    .join('\n');
}

function renderScenario(r: ScenarioRecord, c: Colors): string {
  const source = r.source.publisher ? `${r.source.title} (${r.source.publisher})` : r.source.title;
  const parties = r.parties.map((p) => (p.voice ? `${p.id} (${p.voice})` : p.id)).join(', ');
  return [c.bold(r.title), `source:  ${source}`, `parties: ${parties}`, `start:   day ${r.initial.day}`, ''].join('\n');
}

function renderStep(r: StepRecord, width: number, c: Colors): string {
  if (r.kind === 'time') {
    return `${c.bold(`#${r.step}`)} ${c.cyan(`day ${r.day}`)}  ${c.dim('a day passes')}\n   outcomes: ${r.outcomes.length ? c.green(r.outcomes.join(', ')) : c.dim('none')}\n`;
  }
  const head = `${c.bold(`#${r.step}`)} ${c.cyan(`day ${r.day}`)}  ${c.bold(r.event)}  ${c.dim(`(${r.kind}, ${r.cites.join(' ')})`)}`;
  const lines = [head, `   ${r.summary}`, `   ${c.italic(`> ${r.quote}`)}`];
  for (const [party, s] of Object.entries(r.stances)) {
    const name = party.padEnd(width);
    lines.push(
      s.changed
        ? `   ${c.yellow('*')} ${name}  ${s.before} ${c.yellow('->')} ${c.bold(s.after)}`
        : `     ${c.dim(name)}  ${c.dim(s.after)}`,
    );
  }
  for (const [fact, change] of Object.entries(r.facts)) {
    lines.push(
      `   ${c.yellow('*')} ${c.magenta(fact)}: ${show(change.before)} ${c.yellow('->')} ${c.bold(show(change.after))}`,
    );
  }
  lines.push(`   outcomes: ${r.outcomes.length ? c.green(r.outcomes.join(', ')) : c.dim('none')}`, '');
  return lines.join('\n');
}

function renderSummary(r: SummaryRecord, width: number, c: Colors): string {
  const lines = [
    c.bold('Summary'),
    `   ${plural(r.events, 'event')} from day ${r.firstDay} to day ${r.lastDay}; ${plural(r.stanceChanges, 'stance change')}; ${plural(r.factChanges, 'fact change')}.`,
    ...(r.without
      ? [
          `   without: ${c.yellow(r.without.join(', '))}`,
          `   no longer happen (what they require fails): ${r.lost?.length ? c.yellow(r.lost.join(', ')) : 'none'}`,
        ]
      : []),
    '   final stances:',
    ...Object.entries(r.final.stances).map(([party, stance]) => `     ${party.padEnd(width)}  ${stance}`),
    '   final facts:',
    ...Object.entries(r.final.facts).map(([fact, value]) => `     ${fact}: ${show(value)}`),
    `   outcomes holding at the end: ${r.outcomes.length ? c.green(r.outcomes.join(', ')) : 'none'}`,
    '',
  ];
  return lines.join('\n');
}

function show(value: FactValue): string {
  return String(value);
}
