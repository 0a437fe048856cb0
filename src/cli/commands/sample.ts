import { Option, type Command } from 'commander';
import { RUNS, WORKERS, WORKERS_PER_CORE } from '../../options/api-option-rules.js';
import { availableParallelism } from 'node:os';
import { sample } from '../../api/sample.js';
import { EXIT, type CliIo } from '../io.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from '../from-here.js';
import {
  wholeNumberWith,
  startOptions,
  type StartOptionValues,
  type PrecisionOptionValue,
  precisionOption,
} from '../options.js';
import { renderSample } from '../render-sample.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from '../output.js';
import { getShouldStop, timeoutOption, type TimeoutOptionValue } from '../timeout.js';

interface SampleCommandOptions extends StartOptionValues, TimeoutOptionValue, OutputOptionValue, PrecisionOptionValue {
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly json?: boolean;
}

/** `parley sample FILE`: seeded Monte Carlo over the same semantics as the explorer. */
export function addSampleCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('sample')
    .description(
      'Sample runs from a point of the timeline (default: its end) with the same moves and weights as `explore`. Per outcome: how often it is reached, its Wilson 95% interval, the day it is first reached (median, 90th percentile) and the most frequent paths. The same seed gives byte-identical output whatever the number of workers.',
    )
    .argument('<file>', 'scenario file (YAML)');
  for (const option of startOptions()) command.addOption(option);
  command
    .requiredOption('--runs <n>', 'number of runs', wholeNumberWith(RUNS))
    .requiredOption('--seed <seed>', 'seed of every random choice (any text); run i uses its own stream from (seed, i)')
    // The default depends on this machine: help names the rule, not this machine's number.
    .addOption(
      new Option(
        '--workers <k>',
        `threads sampling at once (this one and k - 1 workers), at most ${WORKERS_PER_CORE} for each core`,
      )
        .argParser(wholeNumberWith(WORKERS))
        .default(availableParallelism(), 'the cores of this machine'),
    )
    .addOption(precisionOption())
    .addOption(timeoutOption())
    .option('--json', 'print the result as one JSON object')
    .addOption(outputOption())
    .addHelpText('after', '\nExample:\n  parley sample scenarios/article.yaml --runs 100000 --seed 42')
    .action(async (file: string, options: SampleCommandOptions) => {
      const scenario = loadScenarioForCommand(file, io);
      if (!scenario) return setExit(EXIT.badInput);
      const result = await runWithProgress(io, (progress) =>
        sample(scenario, {
          ...getFromWithin(options),
          runs: options.runs,
          seed: options.seed,
          workers: options.workers,
          ...getShouldStop(options.timeout, io.startedAt),
          onProgress: progress.report,
        }),
      );
      if (!result) return setExit(EXIT.badInput);
      if (options.json) emitResult(io, options, `${JSON.stringify(result)}\n`);
      else
        emitReport(io, options, (width) =>
          renderSample(result, getResultColors(io, options), options.precision, width),
        );
    });
}
