import { analyseAblation } from '../src/analysis/ablation.js';
import { explainOutcome } from '../src/analysis/why.js';
import { diffExplorations } from '../src/analysis/diff.js';
import { withoutEvents } from '../src/analysis/model-variants.js';
import { explore } from '../src/api/explore.js';
import { trustCheckedModel, type Scenario } from '../src/api/scenario.js';
import { analyseSensitivity } from '../src/analysis/sensitivity.js';
import { analyseStability } from '../src/analysis/stability.js';
import { exploreFrom } from '../src/explore/exploration.js';
import type { EventId, OutcomeId } from '../src/model/ids.js';
import type { Model } from '../src/model/model.js';
import { checkQuery } from '../src/query/check-query.js';
import { renderJointGraph } from '../src/report/graph-export.js';
import { formatProbability } from '../src/report/format-probability.js';
import type { Start } from '../src/run/start-point.js';

/** Times one call, once: these analyses take seconds, so one run says enough. */
function timed<T>(label: string, run: () => T, describe: (result: T) => string): void {
  const started = performance.now();
  const result = run();
  console.log(
    `${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s  ${describe(result)}`,
  );
}

/** A generated model as the library's `Scenario`, as `loadScenario` would give it. */
function asScenario(model: Model, file: string): Scenario {
  return trustCheckedModel(model, file);
}

/** Runs each analyst's analysis once on a large model and prints its time. */
export function benchAnalyses(model: Model, start: Start, days: number): void {
  const options = { horizonDays: days, maxStates: 20_000_000 };
  timed(
    'why (deal, blocking sets up to 2)',
    () => explainOutcome(model, start, 'deal' as OutcomeId, { ...options, maxSetSize: 2 }),
    (r) =>
      `${r.states.toLocaleString('en-US')} states; ${r.necessary.length} necessary events, ${r.blockingSets.length} blocking sets`,
  );
  timed(
    'check (a before query)',
    () => checkQuery(model, start, 'concessions >= 1 before deal and eventually collapse', options),
    (r) => `holds: ${r.holds}, ${r.search.states.toLocaleString('en-US')} states`,
  );
  timed(
    'stability (Nash, GMR, SMR, SEQ, SIM)',
    () => analyseStability(model, start, options),
    (r) => r.outcomes.map((o) => `${o.id}: ${o.equilibria.nash}/${o.positions} Nash`).join(', '),
  );
  // The horizon moved from half to double its length, as the default 14 to 60 days does around
  // the default 30: the question's own horizon is 9 days.
  timed(
    'sensitivity (tornado and range)',
    () => analyseSensitivity(model, start, { ...options, horizonRange: [Math.ceil(days / 2), 2 * days] }),
    (r) =>
      `${r.assumptions.length} assumptions, ${r.method}, horizon ${r.structural.horizon.low}-${r.structural.horizon.high} days`,
  );
  // As `parley diff FILE OTHER` (OTHER a what-if without the `resumption` event): two explorations
  // from the same start through the library's `explore`, then `diffExplorations`.
  timed(
    'diff (what-if: without resumption)',
    () => {
      const from =
        start.point.kind === 'end'
          ? undefined
          : start.point.kind === 'day'
            ? { day: start.point.day }
            : start.point.event;
      const settings = { from, within: days, maxStates: options.maxStates };
      const what = withoutEvents(model, new Set(['resumption' as EventId]));
      return diffExplorations(
        explore(asScenario(model, 'generated'), settings),
        'generated',
        explore(asScenario(what, 'without resumption'), settings),
        'without resumption',
      );
    },
    (r) => {
      const show = (side: { probability: number | null } | null) =>
        side?.probability == null ? '?' : formatProbability(side.probability);
      return `${r.before.states.toLocaleString('en-US')} vs ${r.after.states.toLocaleString('en-US')} states; ${r.outcomes.map((o) => `${o.id} ${show(o.before)} -> ${show(o.after)} (${o.change})`).join(', ')}`;
    },
  );
  // Every element removed in turn takes a search of its own for most elements: measured for a
  // minute, then projected to them all from the time each took.
  const budget = 60_000;
  const began = performance.now();
  timed(
    'ablate (every element removed in turn)',
    () => analyseAblation(model, start, { ...options, shouldStop: () => performance.now() - began > budget }),
    (r) => {
      const seconds = (performance.now() - began) / 1000;
      const projected = r.stopped
        ? ` (stopped after a minute; all ${r.total} would take about ${Math.round((seconds * r.total) / Math.max(1, r.elements.length))} s)`
        : '';
      const each = seconds / Math.max(1, r.elements.length);
      return `${r.elements.length} of ${r.total} elements measured, ${each.toFixed(2)} s an element${projected}`;
    },
  );
  timed(
    'graph --joint (lumped by outcome)',
    () => renderJointGraph(exploreFrom(model, start, options), 'dot', 120),
    (text) => `${text.split('\n').length} lines of dot`,
  );
}
