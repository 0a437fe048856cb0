import type { Command } from 'commander';
import { EXIT, getColors, type CliIo } from '../io.js';
import { loadForCommand } from '../load-for-command.js';

/** `parley validate FILE`: checks a scenario without running it. */
export function addValidateCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description(
      'Check a scenario without printing its trace: YAML syntax, the format (unknown keys, wrong types), references between ids, citations, and that every timeline event is enabled where it happens. Prints every problem as FILE:LINE:COL; exits 2 if any is an error.',
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--source <text>', 'also check every quote against this source text (paragraphs marked [P1], [P2], ...)')
    .addHelpText('after', '\nExample:\n  parley validate scenarios/article.yaml --source article.txt')
    .action((file: string, options: { source?: string }) => {
      const { model } = loadForCommand(file, io, options.source);
      if (!model) return setExit(EXIT.badInput);
      const c = getColors(io);
      const counts = `${model.parties.length} parties, ${model.parties.reduce((n, p) => n + p.stances.length, 0)} stances, ${model.facts.length} facts, ${model.events.length} events, ${model.outcomes.length} outcomes, a timeline of ${model.timeline.length} events`;
      const quotes = options.source ? `; every quote found in ${options.source}` : '';
      io.stdout(`${c.green('ok')}: ${file} (${counts}${quotes})\n`);
    });
}
