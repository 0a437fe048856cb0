import type { Command } from 'commander';
import { explore } from '../../api/explore.js';
import { EXIT, type CliIo } from '../io.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from '../from-here.js';
import {
  maxStatesOption,
  startOptions,
  type StartOptionValues,
  type PrecisionOptionValue,
  precisionOption,
  pathOption,
  type PathOptionValue,
} from '../options.js';
import { renderExplore } from '../render-explore.js';
import { saveTraces } from '../save-traces.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from '../output.js';
import { getShouldStop, timeoutOption, type TimeoutOptionValue } from '../timeout.js';

interface ExploreCommandOptions
  extends StartOptionValues, TimeoutOptionValue, OutputOptionValue, PrecisionOptionValue, PathOptionValue {
  readonly maxStates: number;
  readonly saveTraces?: string;
  readonly json?: boolean;
}

/** `parley explore FILE`: which outcomes can still be reached, how, and how likely. */
export function addExploreCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('explore')
    .description(
      'From a point of the timeline (default: its end), explore every joint state reachable within the horizon. For each outcome: reachable or not, a shortest path (each event with its day, paragraphs and quote), and the exact probability of reaching it within the horizon. "Unreachable" is said only after an exhaustive search.',
    )
    .argument('<file>', 'scenario file (YAML)');
  for (const option of startOptions()) command.addOption(option);
  command
    .addOption(maxStatesOption())
    .option(
      '--save-traces <dir>',
      "write each outcome's path (shortest, or with --path likeliest the likeliest) to DIR/<outcome>.trace.json, for `parley run --trace`",
    )
    .addOption(pathOption())
    .addOption(precisionOption())
    .addOption(timeoutOption())
    .option('--json', 'print the result as one JSON object')
    .addOption(outputOption())
    .addHelpText(
      'after',
      '\nExamples:\n  parley explore scenarios/article.yaml\n  parley explore scenarios/article.yaml --from window-set --horizon 14 --save-traces traces/',
    )
    .action(async (file: string, options: ExploreCommandOptions) => {
      const scenario = loadScenarioForCommand(file, io);
      if (!scenario) return setExit(EXIT.badInput);
      const result = await runWithProgress(io, (progress) =>
        explore(scenario, {
          ...getFromWithin(options),
          maxStates: options.maxStates,
          ...getShouldStop(options.timeout, io.startedAt),
          onProgress: progress.report,
          path: options.path,
        }),
      );
      if (!result) return setExit(EXIT.badInput);
      if (options.saveTraces !== undefined) {
        const traces = result.outcomes.flatMap((o) => {
          const witness = (options.path === 'likeliest' && o.likeliest) || o.witness;
          return witness ? [{ name: o.id, outcome: o.id, witness }] : [];
        });
        saveTraces(options.saveTraces, result.scenario, result.start, result.horizon, traces);
      }
      if (options.json) emitResult(io, options, `${JSON.stringify(result)}\n`);
      else
        emitReport(io, options, (width) =>
          renderExplore(result, getResultColors(io, options), options.precision, width),
        );
    });
}
