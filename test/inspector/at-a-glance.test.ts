// The inspector at a glance, in a real browser: the joint state always in view, charts that stay
// legible, a branch that leaves the timeline as it is, explanations that close.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, run } from '../../src/index.js';
import { getStances } from '../../src/engine/joint-state.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ARTICLE } from '../helpers/scenarios.js';
import { runParley } from '../helpers/run-cli.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const scenario = loadScenario(ARTICLE);
const history = run(scenario);
const inspector = useInspector(scenario);
const { open } = inspector;

describe('the inspector at a glance', () => {
  it('shows every party’s stance and every fact in the sticky header, marking what the last step changed', async () => {
    const { page } = await open('#at=12');
    const stances = getStances(scenario.model, history.steps[11]?.after ?? history.at(12));
    const before = getStances(scenario.model, history.steps[10]?.after ?? history.at(11));
    const items = await page.locator('#glance .glance-stances li').allTextContents();
    expect(items).toEqual(
      scenario.model.parties.map(
        (p) => `${p.id} ${stances[p.id]}${before[p.id] !== stances[p.id] ? ` (was ${before[p.id]})` : ''}`,
      ),
    );
    const changed = await page.locator('#glance li[data-changed="true"] .name').allTextContents();
    expect(changed).toEqual(scenario.model.parties.filter((p) => before[p.id] !== stances[p.id]).map((p) => p.id));
    expect(changed.length).toBeGreaterThan(0);
    await expect(page.locator('#glance .glance-facts li').count()).resolves.toBe(scenario.model.facts.length);
    // It stays on screen while the page scrolls.
    await page.mouse.wheel(0, 2000);
    const top = await page.locator('#glance').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    await page.close();
  });

  it('keeps the timeline’s own days and entries while a branch is open, and shows days passing as one entry', async () => {
    const { page } = await open('#at=20&base=16&whatif=architecture-established~1d~1d~1d');
    const days = await page.locator('.timeline .entry .day').allTextContents();
    expect(days).toEqual([0, ...scenario.model.timeline.map((_, i) => i + 1)].map((i) => `day ${history.at(i).day}`));
    await expect(page.locator('.timeline .entry:disabled').count()).resolves.toBe(0);
    await expect(page.locator('.branch .entry .event').allTextContents()).resolves.toEqual([
      'architecture-established',
      '3 days pass',
    ]);
    await expect(page.locator('.branch li[aria-current="step"] .event').textContent()).resolves.toBe('3 days pass');
    await page.close();
  });

  it('keeps the focus where the user acted, and closes an explanation with its button or Escape', async () => {
    const { page } = await open('');
    const focusedName = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    await page.getByRole('button', { name: 'Explain ceasefire' }).click();
    await page.locator('.explanation #why-title').waitFor();
    await expect(focusedName()).resolves.toBe('Explain ceasefire');
    await page.keyboard.press('Escape');
    await expect(page.locator('.explanation').count()).resolves.toBe(0);
    await expect(focusedName()).resolves.toBe('Explain ceasefire');
    await page.getByRole('button', { name: 'Explain ceasefire' }).click();
    await page.getByRole('button', { name: 'Close the explanation' }).click();
    await expect(page.locator('.explanation').count()).resolves.toBe(0);
    // An arrow key pressed while working in the panel does not step the timeline away from the answer.
    const at = await page.locator('#main').getAttribute('data-at');
    await page.getByRole('button', { name: 'Explain ceasefire' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#main').getAttribute('data-at')).resolves.toBe(at);
    await page.close();
  });

  it('draws every chart at its own size, no text under 11 px, labels on their edges, arrowheads in their edge’s colour', async () => {
    const { page } = await open('#at=12', { width: 800, height: 900 });
    const report = await page.evaluate(() => {
      const texts = [...document.querySelectorAll<SVGTextElement>('.chart svg text')];
      const smallest = Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
      const scaled = [...document.querySelectorAll<SVGSVGElement>('.chart svg')].filter(
        (s) => Math.abs(s.getBoundingClientRect().width - Number(s.getAttribute('width'))) > 1,
      ).length;
      const edges = [...document.querySelectorAll<SVGGElement>('.transition')].map((g) => {
        const path = g.querySelector('path') as SVGPathElement;
        const id = (path.getAttribute('marker-end') ?? '').replace(/^url\(#|\)$/g, '');
        const head = document.getElementById(id)?.querySelector('path');
        const label = g.querySelector('text');
        const box = label?.getBBox();
        const middle = box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
        return {
          taken: g.classList.contains('taken'),
          last: g.classList.contains('last'),
          stroke: getComputedStyle(path).stroke,
          head: head ? getComputedStyle(head).fill : null,
          onItsEdge: middle
            ? path.isPointInStroke(new DOMPoint(middle.x, middle.y - 0)) || distance(path, middle) < 8
            : true,
        };
      });
      function distance(path: SVGPathElement, p: { x: number; y: number }) {
        let best = Infinity;
        const length = path.getTotalLength();
        for (let l = 0; l <= length; l += 2) {
          const q = path.getPointAtLength(l);
          best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
        }
        return best;
      }
      return { smallest, scaled, edges, overflow: document.documentElement.scrollWidth };
    });
    expect(report.smallest).toBeGreaterThanOrEqual(11);
    expect(report.scaled).toBe(0);
    expect(report.overflow).toBeLessThanOrEqual(800);
    for (const edge of report.edges) {
      expect(edge.head).toBe(edge.stroke);
      expect(edge.onItsEdge).toBe(true);
    }
    expect(report.edges.filter((e) => e.last).length).toBeGreaterThan(0);
    expect(report.edges.filter((e) => e.taken && !e.last).length).toBeGreaterThan(0);
    await page.close();
  });

  it('saves a branch as a trace that `parley run --trace` replays to the same joint state, and copies the link', async () => {
    const { page } = await open('#at=20&base=16&whatif=architecture-established~1d~1d~1d');
    await expect(page.locator('#branch-title').textContent()).resolves.toBe('What-if: architecture-established');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Save this branch as a trace' }).click(),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'parley-branch-')), download.suggestedFilename());
    await download.saveAs(path);
    const replayed = await runParley(['run', ARTICLE, '--trace', path, '--json']);
    expect(replayed.code).toBe(0);
    const summary = JSON.parse(replayed.stdout.trim().split('\n').at(-1) as string);
    await expect(page.locator('#main').getAttribute('data-key')).resolves.toBe(summary.key);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the link to this point' }).click();
    await page.locator('.copy-link', { hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.evaluate(() => location.href));
    await page.close();
  });

  it('says it is loading, its buttons disabled, until it can act', async () => {
    const page = await inspector.browser.newPage();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/session', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(inspector.url);
    await expect(page.locator('#status').textContent()).resolves.toBe('Loading the scenario and drawing its charts…');
    await expect(page.locator('#back').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#forward').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#main').getAttribute('aria-busy')).resolves.toBe('true');
    release();
    await page.locator('#main:not([aria-busy])').waitFor();
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^Timeline: step 16 of 16/);
    await expect(page.locator('#back').isDisabled()).resolves.toBe(false);
    await page.close();
  });

  it('keeps the charts and the what-if list in view when a what-if is chosen', async () => {
    const { page } = await open('', { width: 1600, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 300));
    const where = () =>
      page.evaluate(() => {
        const header = (document.querySelector('header') as HTMLElement).getBoundingClientRect().bottom;
        const seen = (selector: string) => {
          const box = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
          return box.bottom > header && box.top < window.innerHeight;
        };
        return { chart: seen('.chart'), whatIf: seen('.what-if') };
      });
    await expect(where()).resolves.toEqual({ chart: true, whatIf: true });
    await page.locator('.what-if button').first().click();
    await page.locator('#branch-title').waitFor();
    await expect(where()).resolves.toEqual({ chart: true, whatIf: true });
    await page.close();
  });

  it('zooms a chart in and out, never under its drawn size, fits it, and expands it until Escape', async () => {
    const { page } = await open('', { width: 1600, height: 1000 });
    const chart = page.locator('.chart[data-party="russia"]');
    const size = () => chart.locator('svg').evaluate((s) => s.getBoundingClientRect().width);
    const drawn = await size();
    await chart.getByRole('button', { name: 'Zoom in: Russia chart' }).click();
    expect(await size()).toBeCloseTo(drawn * 1.25, 0);
    await chart.locator('.chart-box').focus();
    await page.keyboard.press('+');
    expect(await size()).toBeCloseTo(drawn * 1.25 * 1.25, 0);
    for (let i = 0; i < 5; i++) await chart.getByRole('button', { name: 'Zoom out: Russia chart' }).click();
    expect(await size()).toBeCloseTo(drawn, 0);
    await expect(chart.locator('.zoom-level').textContent()).resolves.toBe('100%');
    await chart.getByRole('button', { name: 'Expand the chart: Russia chart' }).click();
    const expanded = await chart.evaluate((c) => c.getBoundingClientRect().width);
    expect(expanded).toBeGreaterThan(1100);
    // Fitted: the whole chart shows in the expanded box, and larger than drawn.
    const fitted = await chart.locator('.chart-box').evaluate((b) => {
      const svg = (b.querySelector('svg') as SVGSVGElement).getBoundingClientRect();
      return { width: svg.width <= b.clientWidth + 1, height: svg.height <= b.clientHeight + 1, zoom: svg.width };
    });
    expect(fitted).toMatchObject({ width: true, height: true });
    expect(fitted.zoom).toBeGreaterThan(drawn);
    await page.keyboard.press('Escape');
    await expect(chart.getAttribute('class')).resolves.not.toContain('expanded');
    await page.close();
  });

  it('has no accessibility violations axe-core finds: the first view, a branch from a branch, an open explanation, a counterfactual branch', async () => {
    const page = await inspector.browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
    const audit = async () => {
      await page.locator('.from-here button').first().waitFor();
      await page.addScriptTag({ path: AXE });
      return page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
        ).axe;
        return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    };
    await page.goto(inspector.url);
    await expect(audit()).resolves.toEqual([]);
    await page.goto(`${inspector.url}#at=18&base=16&whatif=architecture-established~ukraine-accepts-raised-level`);
    await page.locator('#branch-title').waitFor();
    // A branch from inside that branch: two listed, the second two deep.
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.locator('.what-if button[data-move]:not([data-move="ukraine-accepts-raised-level"])').first().click();
    await expect(page.locator('.branch-list li').count()).resolves.toBe(2);
    await expect(audit()).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Explain ceasefire' }).click();
    await page.locator('.explanation #why-title').waitFor();
    // Every part of the explanation answered, not only the first.
    await page.locator('.explanation #tornado-title').waitFor();
    await expect(page.locator('.explanation .pending').count()).resolves.toBe(0);
    await expect(audit()).resolves.toEqual([]);
    // A branch of counterfactual history, with the events it lost named.
    await page.getByRole('button', { name: 'Without us-pivots-to-peace-deal: what if it had not happened?' }).click();
    await page.locator('.branch-section .lost').waitFor();
    await expect(audit()).resolves.toEqual([]);
    await page.close();
  });

  it('gives the query box an example that names one of the scenario’s own outcomes', async () => {
    const { page } = await open('');
    await expect(page.locator('#query').getAttribute('placeholder')).resolves.toBe(
      `eventually ${scenario.model.outcomes[0]?.id} within 14 days`,
    );
    await page.close();
  });

  it.each([800, 1280, 1920])('has no horizontal overflow at %i px with a branch open', async (width) => {
    const { page } = await open('#at=20&base=16&whatif=architecture-established~1d~1d~1d', { width, height: 900 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    await page.close();
  });
});
