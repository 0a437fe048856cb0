// What the page says from the current point, in a real browser: the likeliest path beside the
// shortest, and the odds over the days as a chart with the horizon marked.
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/api/explore.js';
import { run } from '../../src/index.js';
import { diffExplorations } from '../../src/analysis/diff.js';
import { getStances, type JointState } from '../../src/engine/joint-state.js';
import { loadScenario } from '../../src/api/scenario.js';
import type { Move } from '../../src/engine/move.js';
import {
  formatPathProbability,
  formatProbability,
  formatProbabilityWithWord,
} from '../../src/report/format-probability.js';
import { foldDays } from '../../src/report/fold-days.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ARTICLE } from '../helpers/scenarios.js';

const scenario = loadScenario(ARTICLE);
const { open } = useInspector(scenario);

describe('the inspector, from here', () => {
  it('shows the likeliest path beside the shortest, each with its exact probability', async () => {
    const { page } = await open('');
    const expected = explore(scenario, { maxStates: 200_000, path: 'likeliest' });
    const describe = (path: { moves: readonly string[]; probability?: number } | null | undefined) =>
      path
        ? `${foldDays(path.moves as Move[]).join(' > ')} (probability ${formatPathProbability(path.probability ?? NaN)})`
        : '';
    const shortest = await page.locator('.from-here td.path').allTextContents();
    const likeliest = await page.locator('.from-here td.likeliest').allTextContents();
    expect(likeliest).toHaveLength(expected.outcomes.length);
    expected.outcomes.forEach((o, i) => {
      const same = o.likeliest && o.witness && o.likeliest.moves.join() === o.witness.moves.join();
      expect(shortest[i]).toBe(o.witness && o.witness.steps.length > 0 ? describe(o.witness) : '');
      expect(likeliest[i]).toBe(same ? 'the shortest' : o.likeliest?.steps.length ? describe(o.likeliest) : '');
    });
    // The article's outcomes do not all go the shortest way at their likeliest.
    expect(likeliest.some((cell) => cell !== 'the shortest' && cell !== '')).toBe(true);
    await expect(page.locator('.from-here thead').textContent()).resolves.toContain('Likeliest path');
    await page.close();
  });

  it('charts the odds over the days from the current point, the horizon marked', async () => {
    const { page } = await open('#at=12');
    const expected = explore(scenario, { from: scenario.model.timeline[11], maxStates: 200_000 });
    const drawn = expected.outcomes.filter((o) => o.reachedByDay?.some((p) => p > 0));
    expect(drawn.length).toBeGreaterThan(1);
    const chart = page.locator('.from-here .odds-chart');
    await expect(
      chart.locator('polyline').evaluateAll((lines) => lines.map((l) => l.dataset.outcome)),
    ).resolves.toEqual(drawn.map((o) => o.id));
    // Each line has a point per day of the horizon, and ends at the outcome's probability.
    const ends = await chart
      .locator('polyline')
      .evaluateAll((lines) => lines.map((l) => (l as SVGPolylineElement).points.length));
    expect(ends).toEqual(drawn.map(() => expected.horizon.days));
    await expect(chart.locator('.odds-legend li').allTextContents()).resolves.toEqual(
      drawn.map((o) => ` ${o.id} ${formatProbability(o.probability ?? NaN)}`),
    );
    await expect(chart.locator('figcaption').textContent()).resolves.toContain(
      `horizon (day ${expected.horizon.endDay})`,
    );
    await expect(chart.locator('svg[role="img"] text').allTextContents()).resolves.toContain(
      `day ${expected.horizon.endDay}`,
    );
    await page.close();
  });

  it('compares a pinned point with the current one side by side: stances, facts and odds', async () => {
    const { page } = await open('#at=11');
    await page.getByRole('button', { name: 'Pin this point' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    const table = page.locator('.comparison table');
    await table.locator('tbody.compare-odds').waitFor();
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
      '',
      'Pinned: timeline, step 11, day 0',
      'Here: timeline, step 12, day 0',
      'Change',
    ]);
    const history = run(scenario);
    const stancesBefore = getStances(scenario.model, history.steps[10]?.after as JointState);
    const stancesAfter = getStances(scenario.model, history.steps[11]?.after as JointState);
    const differing = scenario.model.parties.filter((p) => stancesBefore[p.id] !== stancesAfter[p.id]).map((p) => p.id);
    expect(differing.length).toBeGreaterThan(0);
    const marked = await table.locator('tbody.compare-stances tr[data-differs] th').allTextContents();
    expect(marked.filter((name) => scenario.model.parties.some((p) => p.id === name))).toEqual(differing);
    const expected = diffExplorations(
      explore(scenario, { from: scenario.model.timeline[10], maxStates: 200_000 }),
      'pinned',
      explore(scenario, { from: scenario.model.timeline[11], maxStates: 200_000 }),
      'here',
    );
    await expect(
      table.locator('tbody.compare-odds tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.dataset.outcome)),
    ).resolves.toEqual(expected.outcomes.map((o) => o.id));
    await expect(table.locator('tbody.compare-odds tr[data-differs] th').allTextContents()).resolves.toEqual(
      expected.outcomes.filter((o) => o.change !== 'unchanged').map((o) => o.id),
    );
    await page.getByRole('button', { name: 'Go to the pinned point' }).click();
    await expect(page.locator('#main').getAttribute('data-at')).resolves.toBe('11');
    await page.getByRole('button', { name: 'Unpin' }).click();
    await expect(page.locator('.comparison table').count()).resolves.toBe(0);
    await page.close();
  });

  it('answers a probability query with its exact value, as `parley check` does', async () => {
    const { page } = await open('');
    await page.locator('#query').fill('P >= 0.1 [eventually ceasefire within 14 days]');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const expected = explore(scenario, { maxStates: 200_000 }).outcomes.find((o) => o.id === 'ceasefire')
      ?.reachedByDay?.[13] as number;
    await expect(page.locator('.probability-clause').textContent()).resolves.toBe(
      `P >= 0.1 [eventually ceasefire within 14 days]: probability ${formatProbabilityWithWord(expected)}`,
    );
    await expect(page.locator('.verdict').textContent()).resolves.toBe(
      'P >= 0.1 [eventually ceasefire within 14 days]: does not hold',
    );
    await page.close();
  });
});
