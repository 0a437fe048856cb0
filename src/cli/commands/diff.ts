import type { Command } from 'commander';
import { diffExplorations, type DiffResult, type DiffSide, type OutcomeSideAnswer } from '../../analysis/diff.js';
import { explore } from '../../api/explore.js';
import type { Scenario } from '../../api/scenario.js';
import type { From, Within } from '../../api/start.js';
import type { Colors } from '../../report/colors.js';
import { DEFAULT_DIGITS, formatProbability, formatProbabilityChange } from '../../report/format-probability.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from '../from-here.js';
import { EXIT, type CliIo } from '../io.js';
import type { Progress } from '../progress.js';
import {
  maxStatesOption,
  day,
  precisionOption,
  startOptions,
  type PrecisionOptionValue,
  type StartOptionValues,
} from '../options.js';
import { describeCut } from '../describe-cut.js';
import { layoutTable, type TableCell, type TableColumn } from '../../report/layout-table.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from '../output.js';
import { getShouldStop, timeoutOption, type TimeoutOptionValue } from '../timeout.js';
import { plural } from '../../report/plural.js';

interface DiffOptions extends StartOptionValues, TimeoutOptionValue, OutputOptionValue, PrecisionOptionValue {
  readonly between?: [number, number];
  readonly maxStates: number;
  readonly json?: boolean;
}

/** `parley diff`: what changed between two days, or between a scenario and a what-if. */
export function addDiffCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('diff')
    .description(
      'Compare what can still happen between two days of one scenario (--between D1 D2: the scenario as of each day), between two scenarios from the same point (a what-if overlay that `extends` the first is a scenario too), or between history and a counterfactual (--without EVENT alone: the timeline as it happened, and as it would have gone without the event): per outcome, what became reachable or unreachable and how the exact odds moved.',
    )
    .argument('<file>', 'scenario file (YAML)')
    .argument('[other]', 'a second scenario file to compare with the first');
  for (const option of startOptions()) command.addOption(option);
  command
    .option(
      '--between <days...>',
      'compare the scenario as of two days, D1 D2 (give either this or a second file)',
      (value: string, previous: number[] = []) => [...previous, day(value)],
    )
    .addOption(maxStatesOption())
    .addOption(precisionOption())
    .addOption(timeoutOption())
    .option('--json', 'print the result as one JSON object')
    .addOption(outputOption())
    .addHelpText(
      'after',
      '\nExamples:\n  parley diff scenarios/article.yaml --between -5 0\n  parley diff scenarios/article.yaml scenarios/what-if/moscow-at-the-table.yaml\n  parley diff scenarios/article.yaml --without us-pivots-to-peace-deal',
    )
    .action(async (file: string, other: string | undefined, options: DiffOptions) => {
      const days = options.between;
      // With --without alone, the comparison is history against the counterfactual.
      const counterfactual = other === undefined && days === undefined && options.without !== undefined;
      const refusal =
        other !== undefined && days !== undefined
          ? 'give either a second scenario file or --between D1 D2, not both'
          : other === undefined && days === undefined && !counterfactual
            ? 'give a second scenario file to compare with, --between D1 D2 (two days), or --without EVENT (history against the counterfactual)'
            : days !== undefined && days.length !== 2
              ? `--between takes two days, D1 D2 (got ${plural(days.length, 'day')})`
              : undefined;
      if (refusal) {
        io.stderr(`error: ${refusal}\n`);
        return setExit(EXIT.badInput);
      }
      const first = loadScenarioForCommand(file, io);
      const second = other === undefined ? first : loadScenarioForCommand(other, io);
      if (!first || !second) return setExit(EXIT.badInput);
      const { from, without, within } = getFromWithin(options);
      // One deadline for both explorations: the command as a whole stops in time.
      const stop = getShouldStop(options.timeout, io.startedAt);
      // Each side's phases are named after it: `before: searching`, then `after: solving`.
      const run = (scenario: Scenario, start: From, side: string, progress: Progress, taken = without) =>
        explore(scenario, {
          from: start,
          ...(taken && { without: taken }),
          within: within as Within,
          maxStates: options.maxStates,
          ...stop,
          onProgress: (report) => progress.report({ ...report, phase: `${side}: ${report.phase}` }),
        });
      const result = await runWithProgress(io, (progress) => {
        // Each side's header names its start: as it happened, or without the events taken out.
        if (counterfactual)
          return diffExplorations(
            run(first, from, 'before', progress, []),
            file,
            run(first, from, 'after', progress),
            file,
          );
        if (days)
          return diffExplorations(
            run(first, { day: days[0] as number }, 'before', progress),
            file,
            run(first, { day: days[1] as number }, 'after', progress),
            file,
          );
        return diffExplorations(
          run(first, from, 'before', progress),
          file,
          run(second, from, 'after', progress),
          other as string,
        );
      });
      if (!result) return setExit(EXIT.badInput);
      if (options.json) emitResult(io, options, `${JSON.stringify(result)}\n`);
      else
        emitReport(io, options, (width) => renderDiff(result, getResultColors(io, options), options.precision, width));
    });
}

/** Renders `parley diff`, its table laid out for `width` columns if given. Pure. */
export function renderDiff(r: DiffResult, c: Colors, digits: number = DEFAULT_DIGITS, width?: number): string {
  const show = (side: DiffResult['outcomes'][number]['before']) =>
    side ? (side.probability === null ? side.status : formatProbability(side.probability, digits)) : '-';
  const out = [c.bold(`before: ${describeSide(r.before)}`), c.bold(`after:  ${describeSide(r.after)}`)];
  for (const side of [r.before, r.after]) {
    if (!side.exhaustive)
      out.push(
        c.yellow(
          `${describeSide(side)}: the search was ${describeCut(side.stopped)} after ${plural(side.states, 'state')}; its probabilities are unknown.`,
        ),
      );
  }
  out.push('');
  const columns: TableColumn[] = [
    { header: 'outcome', minWidth: 28 },
    { header: 'before', minWidth: 9 },
    { header: 'after', minWidth: 9 },
    { header: 'change', minWidth: 9 },
    { header: 'what changed' },
  ];
  const rows = r.outcomes.map((o): TableCell[] => {
    const delta = o.delta === null ? '' : formatProbabilityChange(o.delta, digits);
    const style =
      o.change === 'became reachable' ? c.green : o.change === 'became unreachable' ? c.red : (t: string) => t;
    const cites = o.cites.length ? `  (${o.cites.join(' ')})` : '';
    return [o.id, show(o.before), show(o.after), delta, { text: `${o.change}${cites}`, style }];
  });
  out.push(...layoutTable(columns, rows, { width, headerStyle: c.dim }));
  // The chance each outcome holds when the horizon ends, where both sides' are known.
  const atEnd = r.outcomes.filter((o) => o.holdsAtEndDelta !== null);
  if (atEnd.length > 0) {
    const held = (side: OutcomeSideAnswer | null) => formatProbability(side?.holdsAtEnd as number, digits);
    const endColumns: TableColumn[] = [{ header: 'holds when the horizon ends', minWidth: 28 }, ...columns.slice(1, 4)];
    const endRows = atEnd.map((o): TableCell[] => [
      o.id,
      held(o.before),
      held(o.after),
      formatProbabilityChange(o.holdsAtEndDelta as number, digits),
    ]);
    out.push('', ...layoutTable(endColumns, endRows, { width, headerStyle: c.dim }));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A side of a diff as its header names it: the file and its start point, `scenarios/article.yaml,
 * as of day -5 (after 5 timeline events)`, `..., at the end of the timeline (after X), day 0` or
 * `..., after timeline event X, day -3`.
 */
function describeSide(side: DiffSide): string {
  const { description, point, day } = side.start;
  const where =
    point.kind === 'day' ? `as of ${description}` : `${point.kind === 'end' ? 'at ' : ''}${description}, day ${day}`;
  return `${side.label}, ${where}`;
}
