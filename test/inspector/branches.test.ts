// Branches in a real browser: branching from inside a branch keeps both, each named by its first
// own move, switchable, and the timeline stays as it is.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadScenario } from '../../src/index.js';
import { DAY_PASSES } from '../../src/engine/move.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ARTICLE } from '../helpers/scenarios.js';

const scenario = loadScenario(ARTICLE);
const inspector = useInspector(scenario);
const steps = scenario.model.timeline.length;

/** The hypothetical events the page offers as what-ifs where it stands (not the passing of a day). */
const offered = (page: Page) =>
  page
    .locator('.what-if button')
    .evaluateAll(
      (buttons, day) => buttons.map((b) => b.getAttribute('data-move')).filter((m) => m !== day),
      DAY_PASSES,
    );
const choose = (page: Page, move: string) => page.locator(`.what-if button[data-move="${move}"]`).click();
const at = (page: Page) => page.locator('#main').getAttribute('data-at');

describe('the inspector’s branches', () => {
  it('keeps both when branching from inside a branch, each named by its first own move and switchable', async () => {
    const { page } = await inspector.open(`#at=${steps}`);
    const [first] = await offered(page);
    if (!first) throw new Error('nothing can happen at the end of the timeline');
    await choose(page, first);
    const [second, third] = await offered(page);
    if (!second || !third) throw new Error(`fewer than two events can follow ${first}`);
    await choose(page, second);
    await expect(page.locator('.branch-list li').allTextContents()).resolves.toEqual([
      `What-if: ${first} from step ${steps}`,
    ]);
    // Back one step inside the branch, then another way: a second branch, the first kept.
    await page.getByRole('button', { name: 'Step back' }).click();
    await choose(page, third);
    const list = page.locator('.branch-list li');
    await expect(list.allTextContents()).resolves.toEqual([
      `What-if: ${first} from step ${steps}`,
      `What-if: ${third} from step ${steps + 1}`,
    ]);
    await expect(page.locator('.branch-list li[aria-current="true"]').textContent()).resolves.toContain(third);
    await expect(page.locator('#branch-title').textContent()).resolves.toBe(`What-if: ${third}`);
    await expect(page.locator('.branch .entry .event').allTextContents()).resolves.toEqual([first, third]);

    // Switching goes to the other branch's end, its own moves shown.
    await list.first().getByRole('button').click();
    await expect(at(page)).resolves.toBe(String(steps + 2));
    await expect(page.locator('.branch .entry .event').allTextContents()).resolves.toEqual([first, second]);
    await expect(page.locator('#branch-title').textContent()).resolves.toBe(`What-if: ${first}`);
    // Going on from a branch's end grows it: still two branches.
    const [next] = await offered(page);
    if (next) {
      await choose(page, next);
      await expect(list.count()).resolves.toBe(2);
      await expect(page.locator('.branch .entry .event').allTextContents()).resolves.toEqual([first, second, next]);
    }
    // Back on the timeline, both stay listed, neither current, and either can be opened again.
    await page.getByRole('button', { name: 'Back to the timeline' }).click();
    await expect(list.count()).resolves.toBe(2);
    await expect(page.locator('.branch-list li[aria-current]').count()).resolves.toBe(0);
    await expect(page.locator('.timeline .entry:disabled').count()).resolves.toBe(0);
    await list.nth(1).getByRole('button').click();
    await expect(at(page)).resolves.toBe(String(steps + 2));
    await expect(page.locator('.branch .entry .event').allTextContents()).resolves.toEqual([first, third]);
    await page.close();
  });
});
