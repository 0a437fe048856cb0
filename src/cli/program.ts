import { Command, CommanderError } from 'commander';
import { addAnalysisCommands } from './commands/analyses.js';
import { addDiffCommand } from './commands/diff.js';
import { addExploreCommand } from './commands/explore.js';
import { addInspectCommand } from './commands/inspect.js';
import { addRunCommand } from './commands/run.js';
import { addSampleCommand } from './commands/sample.js';
import { addSchemaCommand } from './commands/schema.js';
import { addValidateCommand } from './commands/validate.js';
import { EXIT, type CliIo } from './io.js';
import { describeOptionForHelp } from './option-help.js';
import { readPackageVersion } from './package-version.js';
import { OutputWriteError } from './write-file.js';

/**
 * Runs the parley command line in-process with the given arguments (without `node parley`) and
 * returns the exit code (see `EXIT`): 0 success, 1 an internal error, 2 bad input or usage, 3 a
 * query `check` finds does not hold (or cannot decide).
 */
export async function runCli(args: readonly string[], given: CliIo): Promise<number> {
  const io: CliIo = { ...given, startedAt: given.startedAt ?? performance.now() };
  const exit = { code: EXIT.ok as number };
  const program = new Command('parley')
    .description(
      'Negotiation-state simulator: replay a negotiation from its source, event by event, with every party as an XState machine.',
    )
    .version(readPackageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Help reads the same on every terminal (and in golden tests): fixed width, no colour.
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // Inherited by every command: each marks the options it cannot run without.
    .configureHelp({ optionDescription: describeOptionForHelp })
    .showHelpAfterError('(run "parley --help" for usage)')
    .addHelpText(
      'after',
      `
Exit codes:
  0    success
  1    an internal error (a bug in parley)
  2    bad input: the scenario, a flag or an argument (the message says which)
  3    check: the query does not hold, or a search cut short cannot decide it
  130  interrupted by Ctrl-C (128 + the signal's number: 143 for SIGTERM);
       parley inspect stops on Ctrl-C with 0

Colours appear only on a terminal; NO_COLOR turns them off, FORCE_COLOR on.

Examples:
  parley run scenarios/article.yaml
  parley run scenarios/article.yaml --json | jq .
  parley explore scenarios/article.yaml --save-traces traces/
  parley run scenarios/article.yaml --trace traces/trilateral-summit.trace.json
  parley sample scenarios/article.yaml --runs 100000 --seed 42
  parley inspect scenarios/article.yaml
  parley validate scenarios/article.yaml --source article.txt`,
    );
  const setExit = (code: number) => {
    exit.code = code;
  };
  addRunCommand(program, io, setExit);
  addExploreCommand(program, io, setExit);
  addSampleCommand(program, io, setExit);
  addInspectCommand(program, io, setExit);
  addAnalysisCommands(program, io, setExit);
  addDiffCommand(program, io, setExit);
  addValidateCommand(program, io, setExit);
  addSchemaCommand(program, io);
  // A usage error points at the help of the command it is about.
  for (const command of program.commands)
    command.showHelpAfterError(`(run "parley ${command.name()} --help" for usage)`);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (cause) {
    if (cause instanceof CommanderError) {
      const benign =
        cause.code === 'commander.helpDisplayed' ||
        cause.code === 'commander.version' ||
        cause.code === 'commander.help';
      return benign ? EXIT.ok : EXIT.badInput;
    }
    if (cause instanceof OutputWriteError) {
      io.stderr(`error: ${cause.message}\n`);
      return EXIT.badInput;
    }
    io.stderr(`parley: internal error: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    return EXIT.internal;
  }
  return exit.code;
}
