import { availableParallelism, cpus, totalmem } from 'node:os';
import { getShortestPaths } from 'xstate/graph';
import { compileModel } from '../src/compile/compiled-model.js';
import { readScenarioFile } from '../src/scenario/read-scenario.js';
import { getHorizon } from '../src/engine/horizon.js';
import { exploreScenario } from '../src/explore/explore-scenario.js';
import { exploreStateGraph, type StateGraph } from '../src/explore/state-graph.js';
import type { Model } from '../src/model/model.js';
import { resolveStart, type Start } from '../src/run/start-point.js';
import { sampleScenario } from '../src/sample/sample-scenario.js';
import { createTableLimit, explorePlain, walkWithActors } from './baselines.js';
import {
  createParallelPeerMachine,
  generateLargeScenario,
  generateParallelScenario,
  getParallelEvents,
  loadGenerated,
} from './generated-models.js';
import { medianMs, pairedMedians, perSecond, ratio } from './measure.js';
import { benchAnalyses } from './analyses.js';
import { benchInspectorStep } from './inspector-step.js';
import { benchInput } from './input.js';
import { benchSpinComparison } from './spin-comparison.js';

// Every figure below is measured in this one run, so ratios compare like with like on a noisy machine.

function startOf(model: Model): Start {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}

function graphBytes(graph: StateGraph): number {
  return [
    graph.keys,
    graph.parents,
    graph.parentMoves,
    graph.edgeStart,
    graph.edgeTargets,
    graph.edgeMoves,
    graph.outcomeMasks,
  ].reduce((n, a) => n + a.byteLength, 0);
}

const PARTIES = 5;
const STANCES = 6;

async function benchExplorer(): Promise<void> {
  console.log(
    `\n## Explorer: ${PARTIES} parties x ${STANCES} stances, 3 events each, no cross reads (${STANCES ** PARTIES} joint stances)`,
  );
  const model = loadGenerated(generateParallelScenario(PARTIES, STANCES));
  const start = startOf(model);
  const horizon = getHorizon(start.joint.day, { horizonDays: 1 });
  const peer = createParallelPeerMachine(PARTIES, STANCES);
  const events = getParallelEvents(PARTIES);
  const limit = createTableLimit(PARTIES, STANCES);

  const explored = exploreScenario(model, start, { horizonDays: 1, maxStates: 10_000_000 });
  const states = explored.search.states;
  const parley = await medianMs(
    'parley explore',
    () => exploreScenario(model, start, { horizonDays: 1, maxStates: 10_000_000 }),
    10,
  );
  const compiled = compileModel(model, start.joint.day, horizon);
  // The search and the table limit are timed in alternation, so that their ratio is fair on a noisy machine.
  const paired = pairedMedians(
    () => exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: 10_000_000 }),
    () => limit.explore(),
    300,
  );
  const bfsOnly = paired.a;
  const graph = await medianMs('xstate/graph getShortestPaths', () => getShortestPaths(peer, { events }), 3);
  const plain = await medianMs('plain BFS with transition()', () => explorePlain(model, start.joint, horizon), 3);
  const table = paired.b;
  const reachOnly = await medianMs('table-driven reachability', () => limit.reach(), 20);
  const plainStates = explorePlain(model, start.joint, horizon);

  console.log(
    `parley explore (BFS, exact probabilities, witnesses): ${states} states (the ${STANCES ** PARTIES} joint stances on the start day and when time is up) in ${parley.toFixed(1)} ms = ${perSecond(states, parley)}`,
  );
  console.log(`  of which the breadth-first search: ${bfsOnly.toFixed(1)} ms = ${perSecond(states, bfsOnly)}`);
  console.log(
    `xstate/graph getShortestPaths:     ${STANCES ** PARTIES} states in ${graph.toFixed(1)} ms = ${perSecond(STANCES ** PARTIES, graph)}`,
  );
  console.log(
    `plain BFS, transition() per edge: ${plainStates} states in ${plain.toFixed(1)} ms = ${perSecond(plainStates, plain)}`,
  );
  console.log(
    `table-driven limit (parents and transitions kept): ${limit.total} states in ${table.toFixed(2)} ms = ${perSecond(limit.total, table)}`,
  );
  console.log(
    `table-driven reachability only (a visited bitmap): ${limit.total} states in ${reachOnly.toFixed(2)} ms = ${perSecond(limit.total, reachOnly)}`,
  );
  console.log(
    `ratios (same question, time): parley vs xstate/graph ${ratio(graph, parley)} faster; vs plain transition() BFS ${ratio(plain, parley)} faster`,
  );
  console.log(
    `ratios (states/s): table limit vs parley's search ${ratio(limit.total / table, states / bfsOnly)} (median of 300 alternating pairs: ${paired.ratio.toFixed(2)}x in time); reachability-only table vs parley's search ${ratio(limit.total / reachOnly, states / bfsOnly)}`,
  );
}

async function benchLarge(): Promise<void> {
  const parties = 6;
  const stances = 5;
  const days = 9;
  const model = loadGenerated(generateLargeScenario(parties, stances));
  const start = startOf(model);
  console.log(
    `\n## Explorer alone: ${parties} parties x ${stances} stances, an integer and a boolean fact, cross-party guards, ${days} days`,
  );
  globalThis.gc?.();
  const before = process.memoryUsage();
  const result = exploreScenario(model, start, { horizonDays: days, maxStates: 20_000_000 });
  const after = process.memoryUsage();
  const ms = await medianMs(
    'parley explore large',
    () => exploreScenario(model, start, { horizonDays: days, maxStates: 20_000_000 }),
    3,
  );
  const compiled = compileModel(model, start.joint.day, getHorizon(start.joint.day, { horizonDays: days }));
  const graph = exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: 20_000_000 });
  const searchMs = await medianMs(
    'parley search large',
    () => exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: 20_000_000 }),
    3,
  );
  const states = result.search.states;
  console.log(
    `${states.toLocaleString('en-US')} states, ${result.search.transitions.toLocaleString('en-US')} transitions, exhaustive: ${result.search.exhaustive}`,
  );
  console.log(
    `parley explore (BFS, exact probabilities of ${result.outcomes.length} outcomes with their curves and holds-at-end, witnesses, dead ends): ${(ms / 1000).toFixed(2)} s = ${perSecond(states, ms)}`,
  );
  console.log(
    `  of which the breadth-first search: ${(searchMs / 1000).toFixed(2)} s; the whole explore takes ${ratio(ms, searchMs)} the search alone`,
  );
  console.log(
    `memory: the explored graph holds ${(graphBytes(graph) / states).toFixed(0)} bytes a state; array buffers grew by ${((after.arrayBuffers - before.arrayBuffers) / states).toFixed(0)} bytes a state during the first run`,
  );
  console.log(`\n## The analyst's analyses on the same ${states.toLocaleString('en-US')}-state model`);
  benchAnalyses(model, start, days);
}

async function benchSampler(): Promise<void> {
  console.log(`\n## Sampler: the ${PARTIES} x ${STANCES} negotiation, 30-day runs`);
  const model = loadGenerated(generateParallelScenario(PARTIES, STANCES));
  const start = startOf(model);
  const runs = 200_000;
  const one = await sampleScenario(model, start, { runs, seed: 'bench', workers: 1 });
  const movesPerRun = Math.round(one.moves / runs);
  const t1 = await medianMs(
    'parley sample, 1 worker',
    () => sampleScenario(model, start, { runs, seed: 'bench', workers: 1 }),
    3,
  );
  const t2 = await medianMs(
    'parley sample, 2 workers',
    () => sampleScenario(model, start, { runs, seed: 'bench', workers: 2 }),
    3,
  );
  const limit = createTableLimit(PARTIES, STANCES);
  const walked = limit.walk(runs, 30, 'bench');
  const tl = await medianMs('table-driven walk', () => limit.walk(runs, 30, 'bench'), 3);
  const actorRuns = 2_000;
  const ta = await medianMs(
    'createActor + send',
    () =>
      walkWithActors(
        createParallelPeerMachine(PARTIES, STANCES),
        getParallelEvents(PARTIES).map((e) => e.type),
        actorRuns,
        movesPerRun,
        'bench',
      ),
    3,
  );
  const rate1 = one.moves / t1;
  const rate2 = one.moves / t2;
  const rateLimit = walked / tl;
  const rateActor = (actorRuns * movesPerRun) / ta;
  console.log(
    `parley sample, 1 worker:  ${one.moves.toLocaleString('en-US')} moves in ${t1.toFixed(0)} ms = ${perSecond(one.moves, t1)}`,
  );
  console.log(`parley sample, 2 workers: ${perSecond(one.moves, t2)} (${ratio(t1, t2)} the 1-worker rate)`);
  console.log(`createActor + send:       ${perSecond(actorRuns * movesPerRun, ta)}`);
  console.log(`table-driven walk limit:  ${perSecond(walked, tl)} (1 thread, the same calendar chain)`);
  console.log(
    `ratios: parley (1 worker) vs createActor ${ratio(rate1, rateActor)} faster; table limit vs parley 1 worker ${ratio(rateLimit, rate1)}, vs parley 2 workers ${ratio(rateLimit, rate2)}`,
  );
}

async function benchArticleSampler(): Promise<void> {
  console.log('\n## Sampler on the article model (few states, visited again and again)');
  const { model } = readScenarioFile(new URL('../../scenarios/article.yaml', import.meta.url).pathname);
  if (!model) throw new Error('the article model does not load');
  const start = startOf(model);
  const runs = 200_000;
  const result = await sampleScenario(model, start, { runs, seed: 'bench', workers: 1 });
  const t1 = await medianMs(
    'article, 1 worker',
    () => sampleScenario(model, start, { runs, seed: 'bench', workers: 1 }),
    3,
  );
  const t2 = await medianMs(
    'article, 2 workers',
    () => sampleScenario(model, start, { runs, seed: 'bench', workers: 2 }),
    3,
  );
  console.log(
    `${runs.toLocaleString('en-US')} runs, ${result.moves.toLocaleString('en-US')} moves: 1 worker ${perSecond(result.moves, t1)} (${(t1 / 1000).toFixed(2)} s), 2 workers ${perSecond(result.moves, t2)} (${(t2 / 1000).toFixed(2)} s)`,
  );
}

// `npm run bench -- --only NAME` runs one section.
const sections: Record<string, () => unknown> = {
  explorer: benchExplorer,
  large: benchLarge,
  sampler: benchSampler,
  article: benchArticleSampler,
  inspector: benchInspectorStep,
  spin: benchSpinComparison,
  input: benchInput,
};
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : process.argv[onlyAt + 1];
if (only !== undefined && !(only in sections))
  throw new Error(`--only ${only}: expected one of ${Object.keys(sections).join(', ')}`);
console.log(
  `# parley benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
for (const [name, run] of Object.entries(sections)) if (only === undefined || only === name) await run();
