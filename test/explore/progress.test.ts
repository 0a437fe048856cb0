import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { explore } from '../../src/api/explore.js';
import { sample } from '../../src/api/sample.js';
import { ablate, check, sensitivity, stability, why } from '../../src/api/analyses.js';
import type { ProgressReport } from '../../src/explore/progress.js';
import { ARTICLE } from '../helpers/scenarios.js';

const article = loadScenario(ARTICLE);
const tiny = loadScenario('test/fixtures/tiny.yaml');

/** The reports of one call, and its phases in the order they came. */
function collect(): { reports: ProgressReport[]; phases: () => string[]; onProgress: (r: ProgressReport) => void } {
  const reports: ProgressReport[] = [];
  return {
    reports,
    phases: () => reports.map((r) => r.phase).filter((p, i, all) => p !== all[i - 1]),
    onProgress: (r) => reports.push(r),
  };
}

/** Within each phase, units only grow, never past the total, and a phase with a total ends on it. */
function expectSteadyPhases(reports: readonly ProgressReport[]): void {
  let last: ProgressReport | undefined;
  for (const r of reports) {
    if (r.total !== undefined) expect(r.done).toBeLessThanOrEqual(r.total);
    if (last && last.phase === r.phase) {
      expect(r.done).toBeGreaterThanOrEqual(last.done);
      expect(r.total).toBe(last.total);
    } else if (last?.total !== undefined) expect(last.done).toBe(last.total);
    last = r;
  }
}

describe('progress reports', () => {
  it('explore: searching (no total), then solving the states found, then reporting the outcomes and dead ends', () => {
    const { reports, phases, onProgress } = collect();
    // A horizon of its own: results are memoised, and a memoised one reports nothing.
    const result = explore(article, { within: 29, onProgress });
    expect(phases()).toEqual(['searching', 'solving', 'reporting']);
    expectSteadyPhases(reports);
    const searching = reports.filter((r) => r.phase === 'searching');
    expect(searching.every((r) => r.total === undefined && r.unit === 'states')).toBe(true);
    expect(searching.at(-1)?.done).toBe(result.search.states);
    expect(reports.find((r) => r.phase === 'solving')).toMatchObject({ total: result.search.states, unit: 'states' });
    expect(reports.at(-1)).toEqual({
      phase: 'reporting',
      done: result.outcomes.length + 1,
      total: result.outcomes.length + 1,
      unit: 'outcomes',
    });
  });

  it('sample: runs of the runs asked for', async () => {
    const { reports, onProgress } = collect();
    await sample(article, { runs: 2500, seed: 1, onProgress });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every((r) => r.phase === 'sampling' && r.total === 2500 && r.unit === 'runs')).toBe(true);
    expect(reports.at(-1)?.done).toBe(2500);
    expectSteadyPhases(reports);
  });

  it('the analyses: the search, then a phase of their own', async () => {
    const runs: [string[], (onProgress: (r: ProgressReport) => void) => unknown][] = [
      [['searching', 'testing blocking sets'], (onProgress) => why(article, 'ceasefire', { onProgress })],
      [['searching', 'answering'], (onProgress) => check(article, 'eventually ceasefire', { onProgress })],
      [['searching', 'judging'], (onProgress) => stability(article, { onProgress })],
      [['searching', 'solving'], (onProgress) => sensitivity(article, { onProgress })],
      [['searching', 'solving', 'reporting', 'removing elements'], (onProgress) => ablate(tiny, { onProgress })],
    ];
    for (const [expected, answer] of runs) {
      const { reports, phases, onProgress } = collect();
      await answer(onProgress);
      expect(phases()).toEqual(expected);
      expectSteadyPhases(reports.filter((r) => r.phase !== 'testing blocking sets'));
    }
  });

  it('sensitivity counts every solve it makes, of as many as it said', () => {
    const { reports, onProgress } = collect();
    sensitivity(article, { onProgress });
    const solving = reports.filter((r) => r.phase === 'solving');
    expect(solving.at(-1)?.done).toBe(solving[0]?.total as number);
    // Told solve by solve, never going back.
    solving.forEach((r, i) => expect(r.done).toBeGreaterThanOrEqual(solving[i - 1]?.done ?? 0));
  });

  it('reports change no answer', () => {
    const quiet = explore(article, { within: 28, maxStates: 1e6 });
    const told = explore(loadScenario(ARTICLE), { within: 28, maxStates: 1e6, onProgress: () => {} });
    expect(told).toEqual(quiet);
  });
});
