import type { Command } from 'commander';
import { join } from 'node:path';
import { explore } from '../../api/explore.js';
import { formatTraceFile } from '../../trace/trace-file.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { getFromWithin, loadScenarioForCommand, runWithProgress } from '../from-here.js';
import { getDefaultMaxStates, integerAtLeast, startOptions, type StartOptionValues } from '../options.js';
import { renderExplore } from '../render-explore.js';
import { writeFileAtomically } from '../write-file.js';

interface ExploreCommandOptions extends StartOptionValues {
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
    .option('--max-states <n>', 'stop exploring after this many joint states (default sized to this machine)', integerAtLeast(1), getDefaultMaxStates())
    .option('--save-traces <dir>', 'write each outcome\'s shortest path to DIR/<outcome>.trace.json, for `parley run --trace`')
    .option('--json', 'print the result as one JSON object')
    .addHelpText('after', '\nExamples:\n  parley explore scenarios/article.yaml\n  parley explore scenarios/article.yaml --from window-set --horizon 14 --save-traces traces/')
    .action(async (file: string, options: ExploreCommandOptions) => {
      const scenario = loadScenarioForCommand(file, io);
      if (!scenario) return setExit(EXIT.badInput);
      const result = await runWithProgress(io, 'exploring {value} joint states, {expanded} expanded', options.maxStates, (progress) =>
        explore(scenario, { ...getFromWithin(options), maxStates: options.maxStates, onProgress: (known, expanded) => progress.update(known, { expanded }) }),
      );
      if (!result) return setExit(EXIT.badInput);
      if (options.saveTraces !== undefined) {
        // A trace names the event it starts after, so that it still replays if the timeline grows.
        const last = result.start.history.at(-1);
        const point = result.start.point.kind === 'end' && last !== undefined ? { kind: 'after-event' as const, event: last } : result.start.point;
        for (const o of result.outcomes) {
          if (!o.witness) continue;
          const trace = { parley: 'trace' as const, version: 1 as const, scenario: result.scenario, outcome: o.id, start: point, moves: o.witness.moves, final: o.witness.final, key: o.witness.key };
          writeFileAtomically(join(options.saveTraces, `${o.id}.trace.json`), formatTraceFile(trace));
        }
      }
      io.stdout(options.json ? `${JSON.stringify(result)}\n` : renderExplore(result, getColors(io)));
    });
}
