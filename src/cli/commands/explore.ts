import type { Command } from 'commander';
import { join } from 'node:path';
import { EncodingOverflow } from '../../compile/state-encoding.js';
import { exploreScenario } from '../../explore/explore-scenario.js';
import { formatTraceFile } from '../../trace/trace-file.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { loadForCommand } from '../load-for-command.js';
import { getDefaultMaxStates, integerAtLeast, startOptions, type StartOptionValues } from '../options.js';
import { createProgress } from '../progress.js';
import { renderExplore } from '../render-explore.js';
import { resolveStartForCommand } from '../resolve-start-for-command.js';
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
    .action((file: string, options: ExploreCommandOptions) => {
      const { model } = loadForCommand(file, io);
      if (!model) return setExit(EXIT.badInput);
      const start = resolveStartForCommand(model, options, io);
      if (!start) return setExit(EXIT.badInput);
      const progress = createProgress(io, 'exploring {value} joint states, {expanded} expanded', options.maxStates);
      let result;
      try {
        result = exploreScenario(model, start, {
          horizonDays: options.horizon,
          ...(options.maxEvents !== undefined && { maxEvents: options.maxEvents }),
          maxStates: options.maxStates,
          onProgress: (known, expanded) => progress.update(known, { expanded }),
        });
      } catch (cause) {
        if (!(cause instanceof EncodingOverflow)) throw cause;
        io.stderr(`error: ${cause.message}; shorten the horizon or the event limit, or simplify the model\n`);
        return setExit(EXIT.badInput);
      } finally {
        progress.stop();
      }
      if (options.saveTraces !== undefined) {
        // A trace names the event it starts after, so that it still replays if the timeline grows.
        const last = start.history.at(-1);
        const point = start.point.kind === 'end' && last !== undefined ? { kind: 'after-event' as const, event: last } : start.point;
        for (const o of result.outcomes) {
          if (!o.witness) continue;
          const trace = { parley: 'trace' as const, version: 1 as const, scenario: model.title, outcome: o.id, start: point, moves: o.witness.moves, final: o.witness.final, key: o.witness.key };
          writeFileAtomically(join(options.saveTraces, `${o.id}.trace.json`), formatTraceFile(trace));
        }
      }
      io.stdout(options.json ? `${JSON.stringify(result)}\n` : renderExplore(result, getColors(io)));
    });
}
