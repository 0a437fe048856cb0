import { OptionError } from '../analysis/option-error.js';
import type { Command, Option } from 'commander';
import type { Scenario } from '../api/scenario.js';
import type { Colors } from '../report/colors.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from './from-here.js';
import { EXIT, type CliIo } from './io.js';
import type { Progress } from './progress.js';
import { maxStatesOption, startOptions, type StartOptionValues } from './options.js';
import { UnknownOutcomeError } from '../api/outcome-lookup.js';
import { QueryReferenceError } from '../query/resolve-query.js';
import { QuerySyntaxError } from '../query/parse-query.js';
import { getShouldStop, timeoutOption, type TimeoutOptionValue } from './timeout.js';
import { DEFAULT_DIGITS } from '../report/format-probability.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from './output.js';

export interface QuestionOptionValues extends StartOptionValues, TimeoutOptionValue, OutputOptionValue {
  readonly maxStates: number;
  readonly json?: boolean;
}

/** A "from here" analysis command: its name, words, extra options, and what it computes and prints. */
export interface QuestionCommand<R, A extends unknown[]> {
  readonly name: string;
  readonly arguments: readonly [string, string][];
  readonly description: string;
  readonly examples: readonly string[];
  readonly options?: readonly Option[];
  /** `where`: the start, the horizon, (with `--timeout`) when to stop, and where to report progress, as the library takes them. */
  answer(
    scenario: Scenario,
    args: A,
    options: QuestionOptionValues & Record<string, unknown>,
    where: ReturnType<typeof getFromWithin> & ReturnType<typeof getShouldStop> & { onProgress: Progress['report'] },
  ): R;
  /**
   * `digits`: `--precision` where the command has it (see precisionOption), else the default;
   * `width`: the columns to lay tables out in, if known (the text is then wrapped to them).
   */
  render(result: R, c: Colors, digits: number, width: number | undefined): string;
  /** True when the output is a file format (Mermaid, dot), printed as it is: never wrapped. */
  readonly verbatim?: boolean;
  /** The exit code for a result (default 0). */
  exitCode?(result: R): number;
}

/**
 * Adds an analysis command that shares `--from`/`--at`/`--as-of`, `--horizon`, `--max-events`,
 * `--max-states`, `--timeout` and `--json` with `explore`, loads the scenario, and turns an unknown start,
 * an unknown outcome or a query it cannot read into a message and exit 2.
 */
export function addQuestionCommand<R, A extends unknown[]>(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
  spec: QuestionCommand<R, A>,
): void {
  const command = program.command(spec.name).description(spec.description).argument('<file>', 'scenario file (YAML)');
  for (const [name, description] of spec.arguments) command.argument(name, description);
  for (const option of startOptions()) command.addOption(option);
  for (const option of spec.options ?? []) command.addOption(option);
  command
    .addOption(maxStatesOption())
    .addOption(timeoutOption())
    .option('--json', 'print the result as one JSON object')
    .addOption(outputOption())
    .addHelpText(
      'after',
      `\nExample${spec.examples.length > 1 ? 's' : ''}:\n${spec.examples.map((e) => `  ${e}`).join('\n')}`,
    )
    .action(async (file: string, ...rest: unknown[]) => {
      const args = rest.slice(0, spec.arguments.length) as A;
      const options = rest[spec.arguments.length] as QuestionOptionValues & Record<string, unknown>;
      const scenario = loadScenarioForCommand(file, io);
      if (!scenario) return setExit(EXIT.badInput);
      let result: R | undefined;
      try {
        result = await runWithProgress(io, (progress) =>
          spec.answer(scenario, args, options, {
            ...getFromWithin(options),
            ...getShouldStop(options.timeout, io.startedAt),
            onProgress: progress.report,
          }),
        );
      } catch (cause) {
        if (!(
          cause instanceof QuerySyntaxError ||
          cause instanceof QueryReferenceError ||
          cause instanceof UnknownOutcomeError ||
          cause instanceof OptionError
        ))
          throw cause;
        io.stderr(`error: ${cause.message}\n`);
        return setExit(EXIT.badInput);
      }
      if (result === undefined) return setExit(EXIT.badInput);
      const c = getResultColors(io, options);
      const digits = (options.precision as number | undefined) ?? DEFAULT_DIGITS;
      if (options.json) emitResult(io, options, `${JSON.stringify(result)}\n`);
      else if (spec.verbatim) emitResult(io, options, spec.render(result, c, digits, undefined));
      else emitReport(io, options, (width) => spec.render(result, c, digits, width));
      setExit(spec.exitCode?.(result) ?? EXIT.ok);
    });
}
