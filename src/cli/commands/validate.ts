import type { Command } from 'commander';
import { analyseAblation } from '../../analysis/ablation.js';
import { getInertElementProblems, getMissingRationales } from '../../analysis/judgement-problems.js';
import type { Model } from '../../model/model.js';
import type { Problem } from '../../model/problem.js';
import { resolveStart, type Start } from '../../run/start-point.js';
import { runWithProgress } from '../from-here.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { printDiagnostics, readForCommand } from '../load-for-command.js';
import { fitText } from '../../report/wrap-text.js';
import { maxStatesOption } from '../options.js';
import { plural } from '../../report/plural.js';

interface ValidateOptions {
  readonly source?: string;
  readonly deep?: boolean;
  readonly maxStates: number;
}

/** `parley validate FILE`: checks a scenario without running it. */
export function addValidateCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description(
      'Check a scenario without printing its trace: YAML syntax, the format (unknown keys, wrong types), references between ids, citations, and that every timeline event is enabled where it happens; warn about likelihoods without a rationale. With --deep, also remove each modelling element in turn (as `parley ablate` does, from the end of the timeline) and warn about the elements that change no outcome and have no note saying why they stay. Prints every problem as FILE:LINE:COL; exits 2 if any is an error.',
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--source <text>', 'also check every quote against this source text (paragraphs marked [P1], [P2], ...)')
    .option('--deep', 'also warn about inert elements (one exact exploration per element)')
    .addOption(maxStatesOption())
    .addHelpText(
      'after',
      '\nExamples:\n  parley validate scenarios/article.yaml --source article.txt\n  parley validate scenarios/article.yaml --deep',
    )
    .action(async (file: string, options: ValidateOptions) => {
      const checked = readForCommand(file, options.source);
      const more: Problem[] = [];
      if (checked.model) {
        more.push(...getMissingRationales(checked.model));
        if (options.deep) {
          const loaded = checked.model;
          const ablation = await runWithProgress(io, (progress) =>
            analyseAblation(loaded, getEndOfTimeline(loaded), {
              maxStates: options.maxStates,
              onProgress: progress.report,
            }),
          );
          if (ablation) more.push(...getInertElementProblems(loaded, ablation));
        }
      }
      const { model } = printDiagnostics(io, checked, more);
      if (!model) return setExit(EXIT.badInput);
      const c = getColors(io);
      const counts = `${plural(model.parties.length, 'party', 'parties')}, ${plural(
        model.parties.reduce((n, p) => n + p.stances.length, 0),
        'stance',
      )}, ${plural(model.facts.length, 'fact')}, ${plural(model.events.length, 'event')}, ${plural(model.outcomes.length, 'outcome')}, a timeline of ${plural(model.timeline.length, 'event')}`;
      const quotes = options.source ? `; every quote found in ${options.source}` : '';
      const deep = options.deep ? '; every modelling element removed in turn' : '';
      io.stdout(fitText(`${c.green('ok')}: ${file} (${counts}${quotes}${deep})\n`, io.columns));
    });
}

/** The end of a checked model's timeline, which always exists. */
function getEndOfTimeline(model: Model): Start {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(`parley: ${start.error}`);
  return start;
}
