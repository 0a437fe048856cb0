// The inspector page in a real browser (Debian's Chromium, driven by playwright-core), checked by
// what a person sees and does.
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/api/explore.js';
import { ablate, check, graph, stability, why } from '../../src/api/analyses.js';
import { diffExplorations } from '../../src/analysis/diff.js';
import { describeImprovingMoves } from '../../src/analysis/describe-improving-moves.js';
import { loadScenario } from '../../src/api/scenario.js';
import { startInspectorServer } from '../../src/inspector/server.js';
import { getTraceSession } from '../../src/inspector/trace-session.js';
import {
  formatPathProbability,
  formatProbabilityChange,
  formatProbabilityWithWord,
} from '../../src/report/format-probability.js';
import { foldDays } from '../../src/report/fold-days.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, DEADLINE, ROOT } from '../helpers/scenarios.js';
import { openInspectorPage, useInspector } from '../helpers/inspector-page.js';

const scenario = loadScenario(ARTICLE);
const inspector = useInspector(scenario);
const server = {
  get url() {
    return inspector.url;
  },
};

/** Opens the page offline (see `openInspectorPage`). */
const openPage = (url: string, viewport?: { width: number; height: number }) =>
  openInspectorPage(inspector.browser, url, viewport);

/** The stance lit in a party's chart. */
const lit = (page: Page, party: string) =>
  page.locator(`.chart[data-party="${party}"] [aria-current="true"]`).getAttribute('data-stance');

describe('the inspector page', () => {
  it('works offline: every request it makes goes to the inspector itself', async () => {
    const { page, elsewhere } = await openPage(server.url);
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it('draws every party’s chart with its active stance lit and the transitions taken marked', async () => {
    const { page } = await openPage(server.url);
    expect(await page.locator('.chart').count()).toBe(5);
    expect(await lit(page, 'ukraine')).toBe('awaiting-guarantees-architecture');
    expect(await lit(page, 'russia')).toBe('step-by-step-preparation');
    expect(await lit(page, 'united-states')).toBe('summit-broker');
    expect(await page.locator('.chart[data-party="ukraine"] [aria-current="true"]').count()).toBe(1);
    expect(await page.locator('.chart[data-party="ukraine"] .transition.taken[data-event="window-set"]').count()).toBe(
      1,
    );
    expect(
      await page
        .locator('.chart[data-party="ukraine"] .transition.taken[data-event="architecture-established"]')
        .count(),
    ).toBe(0);
    await page.close();
  });

  it('keeps the charts in view on a smaller screen: the timeline scrolls to the current event on its own', async () => {
    const { page } = await openPage(server.url, { width: 1280, height: 800 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator('.chart[data-party="ukraine"]').isVisible()).resolves.toBe(true);
    const inView = () =>
      page.evaluate(() => {
        const list = (document.getElementById('timelines') as HTMLElement).getBoundingClientRect();
        const current = (
          document.querySelector('#timelines li[aria-current="step"]') as HTMLElement
        ).getBoundingClientRect();
        return current.top >= list.top && current.top < list.bottom && list.bottom <= window.innerHeight;
      });
    expect(await inView()).toBe(true);
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await inView()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('shows the timeline with days, paragraphs and quotes, the current event marked', async () => {
    const { page } = await openPage(server.url);
    const current = page.locator('.timeline li[aria-current="step"]');
    await expect(current.textContent()).resolves.toContain('lavrov-any-formats');
    const entry = page.getByRole('button', { name: /^day -2 raise-level-proposed / });
    await expect(entry.textContent()).resolves.toContain('P10 P14');
    await expect(entry.textContent()).resolves.toContain('think about raising the level of the heads of delegation');
    await page.close();
  });

  it('steps forward and back with its buttons and the arrow keys, and jumps to any event', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: /^day 0 compromise-signalled / }).click();
    expect(await lit(page, 'ukraine')).toBe('guarantees-first');
    await expect(page.locator('#status').textContent()).resolves.toBe('Timeline: step 11 of 16, day 0');
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await lit(page, 'ukraine')).toBe('awaiting-guarantees-architecture');
    await page.keyboard.press('ArrowLeft');
    expect(await lit(page, 'ukraine')).toBe('guarantees-first');
    await page.keyboard.press('ArrowLeft');
    expect(await lit(page, 'ukraine')).toBe('wants-period-of-calm');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await lit(page, 'ukraine')).toBe('wants-period-of-calm');
    expect(page.url()).toMatch(/#at=10$/);
    await page.close();
  });

  it('branches into a what-if, steps within it, branches again and returns to the timeline', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'What if: architecture-established' }).click();
    expect(await lit(page, 'ukraine')).toBe('seeking-trilateral-meeting');
    expect(await lit(page, 'russia')).toBe('no-security-without-moscow');
    await expect(page.locator('.branch-section').textContent()).resolves.toContain('architecture-established');
    await page.getByRole('button', { name: 'What if: a day passes' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('What-if branch: step 18 of 18, day 1');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: 'What if: ukraine-accepts-raised-level' }).click();
    expect(page.url()).toContain('whatif=architecture-established~ukraine-accepts-raised-level');
    await expect(page.locator('.branch li').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Back to the timeline' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('Timeline: step 16 of 16, day 0');
    expect(await lit(page, 'ukraine')).toBe('awaiting-guarantees-architecture');
    await page.close();
  });

  it('opens the same point on a reload or from a shared link', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'What if: architecture-established' }).click();
    await page.getByRole('button', { name: 'What if: talks-date-set' }).click();
    const key = await page.locator('#main').getAttribute('data-key');
    const url = page.url();
    await page.reload();
    await page.locator('.from-here table').waitFor();
    expect(await page.locator('#main').getAttribute('data-key')).toBe(key);
    const { page: shared } = await openPage(url);
    expect(await shared.locator('#main').getAttribute('data-key')).toBe(key);
    expect(await lit(shared, 'ukraine')).toBe('seeking-trilateral-meeting');
    await page.close();
    await shared.close();
  });

  it('follows the browser’s Back and a pasted address, and says so when an address names an event the scenario lacks', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'What if: architecture-established' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('What-if branch: step 17 of 17, day 0');
    await page.goBack();
    await expect(page.locator('#status').textContent()).resolves.toBe('Timeline: step 16 of 16, day 0');
    await page.evaluate(() => (location.hash = '#at=3'));
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Timeline: step 3 of 16, day -60',
    );
    const { page: odd } = await openPage(`${server.url}#at=17&base=16&whatif=nonexistent`);
    await expect(odd.locator('#problem').textContent()).resolves.toContain('the scenario has no event "nonexistent"');
    await expect(odd.locator('#status').textContent()).resolves.toBe('Timeline: step 16 of 16, day 0');
    await page.close();
    await odd.close();
  });

  it('keeps the keyboard focus on the timeline when the element that had it is redrawn or disabled', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'What if: architecture-established' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-current')),
    ).resolves.toBe('step');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(
      /^day 0 architecture-established /,
    );
    await page.close();
  });

  it('fits a 1280-pixel window with a branch open: nothing wider than the window', async () => {
    const { page } = await openPage(`${server.url}#at=17&base=16&whatif=architecture-established`, {
      width: 1280,
      height: 800,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('shows, from the current point, each outcome’s status, probability and shortest path, from the same explorer', async () => {
    const { page } = await openPage(server.url);
    const expected = explore(scenario, { within: 30, maxStates: 200_000 });
    for (const o of expected.outcomes) {
      const row = page.locator(`.from-here tr[data-outcome="${o.id}"]`);
      await expect(row.locator('.probability').textContent()).resolves.toBe(
        formatProbabilityWithWord(o.probability ?? NaN),
      );
      const chance =
        o.witness?.probability === undefined ? '' : ` (probability ${formatPathProbability(o.witness.probability)})`;
      await expect(row.locator('.path').textContent()).resolves.toBe(
        `${o.witness ? foldDays(o.witness.moves).join(' > ') : ''}${chance}`,
      );
    }
    await page.close();
  });

  it('says how the step that led here moved each outcome, as `parley diff` between the two points does', async () => {
    // Step 12 sets the 7-10 day window: some outcomes become reachable there, the odds of others move.
    const timeline = scenario.model.timeline;
    const { page } = await openPage(`${server.url}#at=12`);
    const expected = diffExplorations(
      explore(scenario, { from: timeline[10], maxStates: 200_000 }),
      'before',
      explore(scenario, { from: timeline[11], maxStates: 200_000 }),
      'after',
    );
    const words: Record<string, string> = {
      'became reachable': 'now reachable',
      'became unreachable': 'now unreachable',
      unchanged: 'same',
    };
    const shown = (o: (typeof expected.outcomes)[number]) =>
      words[o.change] ?? formatProbabilityChange(o.delta as number);
    expect(expected.outcomes.map((o) => o.change)).toEqual(
      expect.arrayContaining(['became reachable', 'odds changed']),
    );
    for (const o of expected.outcomes) {
      await expect(page.locator(`.from-here tr[data-outcome="${o.id}"] .change`).textContent()).resolves.toBe(shown(o));
    }
    await page.close();
  });

  it('says whether an explained outcome would last: every concept, and who can move away', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'Explain bilateral-summit' }).click();
    const result = stability(scenario, { maxStates: 200_000 });
    const expected = result.outcomes.find((o) => o.id === 'bilateral-summit')?.first;
    if (!expected) throw new Error('the article has no bilateral-summit');
    for (const concept of result.concepts)
      await expect(page.locator(`.stability dd[data-kind="${concept}"]`).textContent()).resolves.toBe(
        expected.equilibrium[concept] ? 'yes' : 'no',
      );
    const sentences = await page.locator('.stability .moves-away li').allTextContents();
    expect(sentences).toEqual(describeImprovingMoves(expected, result.concepts));
    expect(sentences.join('\n')).toContain('can move by');
    await page.close();
  });

  it('downloads the statecharts as `parley graph` writes them, in Mermaid and dot', async () => {
    const { page } = await openPage(server.url);
    for (const [name, format] of [
      ['Mermaid', 'mermaid'],
      ['Graphviz dot', 'dot'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(format === 'mermaid' ? 'statecharts.mmd' : 'statecharts.dot');
      expect(readFileSync(await download.path(), 'utf8')).toBe(graph(scenario, { format }));
    }
    await page.close();
  });

  it('explains an outcome from the current point: its necessary events and its tornado chart', async () => {
    const { page } = await openPage(server.url);
    await page.getByRole('button', { name: 'Explain ceasefire' }).click();
    await page.locator('.necessary').waitFor();
    await expect(page.locator('.necessary li strong').allTextContents()).resolves.toEqual(
      why(scenario, 'ceasefire', { maxStates: 200_000 }).necessary.map((e) => e.id),
    );
    const bars = page.getByRole('img', { name: 'Tornado chart of ceasefire' }).locator('rect');
    // The worker answers the sensitivity after the explanation: wait for its chart.
    await bars.first().waitFor();
    await expect(bars.count()).resolves.toBe(8);
    await page.close();
  });

  it('measures what each element does at a point of the timeline, as `parley ablate` does, and not on a branch', async () => {
    const { page } = await openPage(`${server.url}#at=11`);
    await page.getByRole('button', { name: 'Remove each element in turn' }).click();
    await page.locator('.ablation table').waitFor();
    const expected = ablate(scenario, { from: scenario.model.timeline[10], maxStates: 200_000 });
    const moving = expected.elements.filter((e) => e.effect === 'moves');
    const inert = expected.elements.filter((e) => e.effect === 'inert');
    await expect(
      page.locator('.ablation tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-element'))),
    ).resolves.toEqual(moving.slice(0, 12).map((e) => e.id));
    await expect(page.locator('.ablation .inert li').count()).resolves.toBe(inert.length);
    await expect(page.locator('.ablation .hint').textContent()).resolves.toBe(
      `${expected.elements.length} elements: ${moving.length} move an outcome, ${inert.length} inert.`,
    );
    // On a what-if branch there is no timeline to replay in each variant: it says so.
    await page.locator('.what-if button').first().click();
    await expect(page.locator('.ablation .hint').textContent()).resolves.toContain(
      'Measured at points of the timeline',
    );
    await page.close();
  });

  it('explains an unreachable outcome: the events that could make it hold, and what stops them', async () => {
    const { page } = await openPage(`${server.url}#at=11`);
    await page.getByRole('button', { name: 'Explain trilateral-summit' }).click();
    const expected =
      why(scenario, 'trilateral-summit', { from: scenario.model.timeline[10], maxStates: 200_000 }).unreachable
        ?.producers ?? [];
    expect(expected.length).toBeGreaterThan(0);
    await page.locator('.producers').waitFor();
    await expect(page.locator('.producers li strong').allTextContents()).resolves.toEqual(
      expected.map((p) => p.event.id),
    );
    await expect(page.locator('.producers li').first().textContent()).resolves.toContain(
      `its precondition fails on every one (${expected[0]?.requiresNeverHold.join('; ')})`,
    );
    await page.close();
  });

  it('answers a query and opens its counter-example as a branch', async () => {
    const { page } = await openPage(server.url);
    await page.getByLabel('Ask about every future from here').fill('never ceasefire');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('.verdict').textContent()).resolves.toBe('never ceasefire: does not hold');
    await page.getByRole('button', { name: /Open the counter-example/ }).click();
    const counter = check(scenario, 'never ceasefire', { maxStates: 200_000 }).clauses[0]?.trace?.moves.length ?? 0;
    const steps = scenario.model.timeline.length + counter;
    await expect(page.locator('#status').textContent()).resolves.toBe(
      `What-if branch: step ${steps} of ${steps}, day 0`,
    );
    await expect(page.locator('.holding li').allTextContents()).resolves.toContain('ceasefire');
    await page.getByLabel('Ask about every future from here').fill('eventually sumit = none');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'query:12' }).textContent()).resolves.toContain(
      'unknown fact "sumit"',
    );
    await page.close();
  });

  it('can be used with the keyboard alone: buttons in tab order, stances focusable with their definition shown', async () => {
    const { page } = await openPage(server.url);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Step back');
    await page.keyboard.press('Enter');
    await expect(page.locator('#status').textContent()).resolves.toBe('Timeline: step 15 of 16, day 0');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Step forward');
    await page.keyboard.press('Enter');
    await expect(page.locator('#status').textContent()).resolves.toBe('Timeline: step 16 of 16, day 0');
    await page.locator('.chart[data-party="russia"] [data-stance="no-security-without-moscow"]').focus();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await expect(tooltip.textContent()).resolves.toContain("Discussing Ukraine's security without Moscow is a utopia.");
    await expect(tooltip.textContent()).resolves.toContain('Cited: P12, P13');
    await page.close();
  });

  it('opens a trace at the joint state where `parley run --trace` ends, and takes the screenshot the README shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-inspect-'));
    await runParley(['explore', ARTICLE, '--save-traces', dir]);
    const path = join(dir, 'trilateral-summit.trace.json');
    const replayed = await runParley(['run', ARTICLE, '--trace', path, '--json']);
    const runKey = JSON.parse(replayed.stdout.trim().split('\n').at(-1) as string).key;
    const session = getTraceSession(scenario.model, readFileSync(path, 'utf8'));
    if (!('trace' in session)) throw new Error('the saved trace does not replay');
    // Loaded by the path a user types, which the page shows.
    const traced = await startInspectorServer({
      scenario: loadScenario('scenarios/article.yaml'),
      trace: session.trace,
    });
    try {
      const { page } = await openPage(traced.url, { width: 1600, height: 1000 });
      expect(await page.locator('#main').getAttribute('data-key')).toBe(runKey);
      expect(await lit(page, 'ukraine')).toBe('seeking-trilateral-meeting');
      // It opens as a branch named for its outcome; a branch chosen from there is named by its first move.
      await expect(page.locator('#branch-title').textContent()).resolves.toBe('Trace to trilateral-summit');
      const shot =
        process.env.UPDATE_SCREENSHOT === '1' ? join(ROOT, 'docs', 'inspector.png') : join(dir, 'inspector.png');
      mkdirSync(join(shot, '..'), { recursive: true });
      await page.screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      await page.close();
    } finally {
      await traced.close();
    }
  });

  it('opens a trace found with an event limit as a branch that keeps it, where `parley run --trace` ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-inspect-'));
    await runParley(['explore', DEADLINE, '--max-events', '1', '--save-traces', dir]);
    const path = join(dir, 'late-offer.trace.json');
    const replayed = await runParley(['run', DEADLINE, '--trace', path, '--json']);
    const runKey = JSON.parse(replayed.stdout.trim().split('\n').at(-1) as string).key;
    const deadline = loadScenario(DEADLINE);
    const session = getTraceSession(deadline.model, readFileSync(path, 'utf8'));
    if (!('trace' in session)) throw new Error('the saved trace does not replay');
    const traced = await startInspectorServer({ scenario: deadline, trace: session.trace });
    try {
      const { page } = await openPage(traced.url);
      expect(await page.locator('#main').getAttribute('data-key')).toBe(runKey);
      expect(page.url()).toContain('&events=1');
      await expect(page.locator('.branch-limit').textContent()).resolves.toContain(
        'limit of 1 hypothetical event (1 taken)',
      );
      await expect(page.locator('.what-if button').allTextContents()).resolves.toEqual([
        'What if: a day passes to day 4',
      ]);
      await page.close();
    } finally {
      await traced.close();
    }
  });
});
