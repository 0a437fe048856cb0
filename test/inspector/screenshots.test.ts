// The README's screenshots of the inspector at 800, 1280 and 1920 pixels, taken of what a person
// sees after branching from a branch (`UPDATE_SCREENSHOT=1` rewrites them in docs/).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ROOT } from '../helpers/scenarios.js';

// Loaded by the path a user types, which the page shows.
const scenario = loadScenario('scenarios/article.yaml');
const { open } = useInspector(scenario);
const dir = mkdtempSync(join(tmpdir(), 'parley-shots-'));

describe('the inspector’s screenshots', () => {
  it.each([
    [800, 900],
    [1280, 800],
    [1920, 1080],
  ])('at %i x %i px: two branches open, nothing wider than the window', async (width, height) => {
    const { page } = await open('#at=18&base=16&whatif=architecture-established~ukraine-accepts-raised-level', {
      width,
      height,
    });
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.locator('.what-if button[data-move]:not([data-move="ukraine-accepts-raised-level"])').first().click();
    await expect(page.locator('.branch-list li').count()).resolves.toBe(2);
    await page.locator('.from-here table').waitFor();
    // Choosing the what-if scrolled the page to it: the screenshot shows the page from its top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    const shot = join(process.env.UPDATE_SCREENSHOT === '1' ? join(ROOT, 'docs') : dir, `inspector-${width}.png`);
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(30_000);
    await page.close();
  });
});
