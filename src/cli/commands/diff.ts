import type { Command } from 'commander';
import { diffExplorations, type DiffResult } from '../../analysis/diff.js';
import { explore } from '../../api/explore.js';
import type { Scenario } from '../../api/scenario.js';
import type { From, Within } from '../../api/start.js';
import type { Colors } from '../../report/colors.js';
import { formatCount } from '../../report/render-path.js';
import { DEFAULT_DIGITS, formatProbability, formatProbabilityChange } from '../../report/format-probability.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from '../from-here.js';
import { EXIT, type CliIo } from '../io.js';
import type { Progress } from '../progress.js';
import {
  maxStatesOption,
  integer,
  precisionOption,
  startOptions,
  type PrecisionOptionValue,
  type StartOptionValues,
} from '../options.js';
import { describeCut } from '../describe-cut.js';
import { layoutTable, type TableCell, type TableColumn } from '../../report/layout-table.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from '../output.js';
import { getShouldStop, timeoutOption, type TimeoutOptionValue } from '../timeout.js';

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
      'Compare what can still happen between two days of one scenario (--between D1 D2: the scenario as of each day), or between two scenarios from the same point (a what-if overlay that `extends` the first is a scenario too): per outcome, what became reachable or unreachable and how the exact odds moved.',
    )
    .argument('<file>', 'scenario file (YAML)')
    .argument('[other]', 'a second scenario file to compare with the first');
  for (const option of startOptions()) command.addOption(option);
  command
    .option('--between <days...>', 'compare the scenario as of two days', (value: string, previous: number[] = []) => [
      ...previous,
      integer(value),
    ])
    .addOption(maxStatesOption())
    .addOption(precisionOption())
    .addOption(timeoutOption())
    .option('--json', 'print the result as one JSON object')
    .addOption(outputOption())
    .addHelpText(
      'after',
      '\nExamples:\n  parley diff scenarios/article.yaml --between -5 0\n  parley diff scenarios/article.yaml scenarios/what-if/moscow-at-the-table.yaml',
    )
    .action(async (file: string, other: string | undefined, options: DiffOptions) => {
      const days = options.between;
      if ((other === undefined) === (days === undefined) || (days !== undefined && days.length !== 2)) {
        io.stderr('error: give either a second scenario file or --between DAY DAY\n');
        return setExit(EXIT.badInput);
      }
      const first = loadScenarioForCommand(file, io);
      const second = other === undefined ? first : loadScenarioForCommand(other, io);
      if (!first || !second) return setExit(EXIT.badInput);
      const { from, within } = getFromWithin(options);
      // One deadline for both explorations: the command as a whole stops in time.
      const stop = getShouldStop(options.timeout);
      // Each side's phases are named after it: `before: searching`, then `after: solving`.
      const run = (scenario: Scenario, start: From, side: string, progress: Progress) =>
        explore(scenario, {
          from: start,
          within: within as Within,
          maxStates: options.maxStates,
          ...stop,
          onProgress: (report) => progress.report({ ...report, phase: `${side}: ${report.phase}` }),
        });
      const result = await runWithProgress(io, (progress) =>
        days
          ? diffExplorations(
              run(first, { day: days[0] as number }, 'before', progress),
              `${file} as of day ${days[0]}`,
              run(first, { day: days[1] as number }, 'after', progress),
              `${file} as of day ${days[1]}`,
            )
          : diffExplorations(
              run(first, from, 'before', progress),
              file,
              run(second, from, 'after', progress),
              other as string,
            ),
      );
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
  const out = [c.bold(`before: ${r.before.label}`), c.bold(`after:  ${r.after.label}`)];
  for (const side of [r.before, r.after]) {
    if (!side.exhaustive)
      out.push(
        c.yellow(
          `${side.label}: the search was ${describeCut(side.stopped)} after ${formatCount(side.states)} states; its probabilities are unknown.`,
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
  return `${out.join('\n')}\n`;
}
