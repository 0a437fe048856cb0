import type { Command } from 'commander';
import { ReplayError, run } from '../../api/run.js';
import { toScenario } from '../../api/scenario.js';
import { EXIT, type CliIo } from '../io.js';
import { emitReport, emitResult, getResultColors, outputOption, type OutputOptionValue } from '../output.js';
import { loadForCommand } from '../load-for-command.js';
import { withoutOption } from '../options.js';
import { renderRun } from '../render-run.js';

/** `parley run FILE`: replays the timeline (or a saved trace) and prints the trace. */
export function addRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description(
      "Replay the scenario's timeline. For each event: day, event, cited paragraphs, quote, every party's stance before -> after (changes marked with *), the facts it changed and the outcomes that hold after it; then a summary. With --trace, replay a trace saved by `parley explore --save-traces` instead: the timeline up to the trace's start, then its moves; it must end in the joint state the trace recorded.",
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--trace <trace>', 'replay this trace file (from `parley explore --save-traces`)')
    .addOption(withoutOption().conflicts('trace'))
    .option(
      '--json',
      'print JSON lines instead: one "scenario" record, one "step" record per event, one "summary" record',
    )
    .addOption(outputOption())
    .addHelpText(
      'after',
      '\nExamples:\n  parley run scenarios/article.yaml\n  parley run scenarios/article.yaml --trace traces/trilateral-summit.trace.json',
    )
    .action((file: string, options: OutputOptionValue & { json?: boolean; trace?: string; without?: string[] }) => {
      const { checked } = loadForCommand(file, io);
      if (!checked.model) return setExit(EXIT.badInput);
      let records;
      try {
        const replayed = options.trace === undefined ? { without: options.without ?? [] } : { trace: options.trace };
        records = run(toScenario(checked), replayed).records;
      } catch (cause) {
        if (!(cause instanceof ReplayError)) throw cause;
        // Without a trace, the only replay that can fail is the timeline's start (`--without`).
        const message = options.trace === undefined ? `error: --${cause.message}` : cause.message;
        io.stderr(message.endsWith('\n') ? message : `${message}\n`);
        return setExit(EXIT.badInput);
      }
      if (options.json) emitResult(io, options, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      else emitReport(io, options, () => renderRun(records, getResultColors(io, options)));
    });
}
