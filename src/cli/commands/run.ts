import type { Command } from 'commander';
import { getRunRecords } from '../../run/trace-report.js';
import { replayTimeline } from '../../run/replay-timeline.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { loadForCommand } from '../load-for-command.js';
import { renderRun } from '../render-run.js';

/** `parley run FILE`: replays the timeline and prints the trace. */
export function addRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description(
      'Replay the scenario\'s timeline. For each event: day, event, cited paragraphs, quote, every party\'s stance before -> after (changes marked with *), the facts it changed and the outcomes that hold after it; then a summary.',
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--json', 'print JSON lines instead: one "scenario" record, one "step" record per event, one "summary" record')
    .addHelpText('after', '\nExample:\n  parley run scenarios/article.yaml')
    .action((file: string, options: { json?: boolean }) => {
      const { model } = loadForCommand(file, io);
      if (!model) return setExit(EXIT.badInput);
      const records = getRunRecords(model, replayTimeline(model));
      if (options.json) io.stdout(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      else io.stdout(renderRun(records, getColors(io)));
    });
}
