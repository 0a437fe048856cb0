import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../src/compile/compiled-model.js';
import { getHorizon } from '../src/engine/horizon.js';
import { exploreScenario } from '../src/explore/explore-scenario.js';
import { exploreStateGraph } from '../src/explore/state-graph.js';
import { resolveStart } from '../src/run/start-point.js';
import { generateParallelScenario, loadGenerated } from './generated-models.js';

// One parley measurement in a process of its own, so that its peak resident memory is its own:
// `node --expose-gc parley-process.js WHAT PARTIES STANCES` prints one JSON line, a
// `ParleyMeasurement`. WHAT is `search`, `explore`, or `baseline` (the same process up to the
// model loaded and compiled, and no search: what the others' peaks are measured from).

/** What parley is asked in a measurement process. */
export type ParleyTask = 'search' | 'explore' | 'baseline';

/** One measurement of parley on a parallel model, in its own process. */
export interface ParleyMeasurement {
  /** The states found (0 for the baseline). */
  readonly states: number;
  /** The transitions between them, the moves of every state (0 for the baseline). */
  readonly transitions: number;
  /** The wall time of the search or explore, in milliseconds. */
  readonly ms: number;
  /** The process's peak resident set size when done (`process.resourceUsage().maxRSS`), in bytes. */
  readonly maxRssBytes: number;
}

const MAX_STATES = 50_000_000;

function measure(task: ParleyTask, parties: number, stances: number): ParleyMeasurement {
  const model = loadGenerated(generateParallelScenario(parties, stances));
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const compiled = compileModel(model, start.joint.day, getHorizon(start.joint.day, { horizonDays: 1 }));
  globalThis.gc?.();
  const started = performance.now();
  let states = 0;
  let transitions = 0;
  if (task === 'search') {
    const graph = exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: MAX_STATES });
    if (!graph.exhaustive) throw new Error('the search was cut by its state limit');
    states = graph.keys.length;
    transitions = graph.edgeTargets.length;
  } else if (task === 'explore') {
    const explored = exploreScenario(model, start, { horizonDays: 1, maxStates: MAX_STATES });
    if (!explored.search.exhaustive) throw new Error('the explore was cut by its state limit');
    states = explored.search.states;
    transitions = explored.search.transitions;
  }
  const ms = performance.now() - started;
  return { states, transitions, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

/**
 * Runs `task` on the `parties` x `stances` parallel model in a fresh Node process (with
 * `--expose-gc`) and returns what it measured. Throws with the process's output if it fails.
 */
export function measureParleyInProcess(task: ParleyTask, parties: number, stances: number): ParleyMeasurement {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--expose-gc', script, task, String(parties), String(stances)], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`parley ${task} ${parties}x${stances} failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as ParleyMeasurement;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [task, parties, stances] = process.argv.slice(2);
  if (task !== 'search' && task !== 'explore' && task !== 'baseline')
    throw new Error(`unknown task ${task}: expected search, explore or baseline`);
  console.log(JSON.stringify(measure(task, Number(parties), Number(stances))));
}
