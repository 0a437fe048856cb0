// Counterfactual history in a real browser: any timeline event opens the history without it, the
// events that no longer happen are named, its alternative is offered as a what-if, the answers are
// those of `explore --without`, and the address and a saved trace bring the branch back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explore, loadScenario } from '../../src/index.js';
import { formatProbabilityWithWord } from '../../src/report/format-probability.js';
import { getTraceSession } from '../../src/inspector/trace-session.js';
import { startInspectorServer } from '../../src/inspector/server.js';
import { openInspectorPage, useInspector } from '../helpers/inspector-page.js';
import { runParley } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/scenarios.js';

const WALKOUT = join(ROOT, 'test', 'fixtures', 'counterfactual.yaml');
const scenario = loadScenario(WALKOUT);
const inspector = useInspector(scenario);

describe('the inspector’s counterfactual branches', () => {
  it('opens the history without a timeline event, with the answers of explore --without', async () => {
    const { page } = await inspector.open('#at=3');
    await page.getByRole('button', { name: 'Without walkout: what if it had not happened?' }).click();
    await expect(page.locator('#branch-title').textContent()).resolves.toBe('Without: walkout');
    await expect(page.locator('#status').textContent()).resolves.toBe('Counterfactual branch: step 1 of 1, day 0');
    await expect(page.locator('.branch-section .lost').textContent()).resolves.toBe(
      'No longer happen (what they require fails): mediator-steps-in',
    );
    await expect(page.locator('.branch-section .hint').textContent()).resolves.toBe(
      'After timeline event 1 (talks-open), without walkout:',
    );
    // The walkout's alternative is a possible move here, beside the hypothetical deal.
    const offered = await page.locator('.what-if button[data-move]').evaluateAll((b) => b.map((x) => x.dataset.move));
    expect(offered).toEqual(expect.arrayContaining(['walkout', 'deal']));
    // The odds in the panel are the library's for the same question.
    const expected = explore(scenario, { without: ['walkout'], maxStates: 200_000 });
    await page.locator('.from-here tr[data-outcome="breakdown"] td.status.reachable').waitFor();
    for (const o of expected.outcomes)
      await expect(page.locator(`.from-here tr[data-outcome="${o.id}"] td.probability`).textContent()).resolves.toBe(
        formatProbabilityWithWord(o.probability as number),
      );
    // The address holds the branch: a reload comes back to it.
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#at=1&base=1&whatif=&without=walkout');
    await page.reload();
    await expect(page.locator('#branch-title').textContent()).resolves.toBe('Without: walkout');
    // The alternative taken as a move: the seller walks out after all, later.
    await page.locator('.what-if button[data-move="walkout"]').click();
    await expect(page.locator('#branch-title').textContent()).resolves.toBe('Without: walkout, then walkout');
    await expect(page.locator('#main').getAttribute('data-key')).resolves.toContain('"seller":"walked-out"');
    await page.close();
  });

  it('saves the branch as a trace that parley run replays, and opens a saved counterfactual trace', async () => {
    const { page } = await inspector.open('#at=2&base=1&whatif=deal&without=walkout');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.save-trace').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const trace = JSON.parse(text);
    expect(trace.start).toEqual({ kind: 'after-event', event: 'talks-open', without: ['walkout'] });
    const dir = mkdtempSync(join(tmpdir(), 'parley-cf-page-'));
    const path = join(dir, 'branch.trace.json');
    writeFileSync(path, text);
    const replayed = await runParley(['run', WALKOUT, '--trace', path]);
    expect(replayed).toMatchObject({ code: 0, stderr: '' });
    expect(replayed.stdout).toContain('outcomes holding at the end: agreement');
    await page.close();

    const session = getTraceSession(scenario.model, text);
    if (!('trace' in session)) throw new Error('the saved trace does not replay');
    const traced = await startInspectorServer({ scenario, trace: session.trace });
    try {
      const opened = await openInspectorPage(inspector.browser, traced.url);
      await expect(opened.page.locator('.branch-section .lost').textContent()).resolves.toContain('mediator-steps-in');
      await expect(opened.page.locator('#main').getAttribute('data-key')).resolves.toBe(trace.key);
      await opened.page.close();
    } finally {
      await traced.close();
    }
  });
});
