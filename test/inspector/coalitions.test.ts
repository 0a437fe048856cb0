// The inspector's stability panel judges the coalitions a scenario declares, in the words and with
// the verdicts of `parley stability`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, stability } from '../../src/index.js';
import { describeCoalition } from '../../src/analysis/describe-improving-moves.js';
import { PAGE_MAX_STATES } from '../../src/inspector/page/analysis-request.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ROOT } from '../helpers/scenarios.js';

const scenario = loadScenario(join(ROOT, 'scenarios', 'elmira.yaml'));
const inspector = useInspector(scenario);

describe('the inspector’s stability panel', () => {
  it('judges the declared coalitions as parley stability does', async () => {
    const { page } = await inspector.open('');
    await page.getByRole('button', { name: 'Explain appeal-drags-on' }).click();
    const items = page.locator('.explanation .stability .coalitions li');
    await items.first().waitFor();
    const result = stability(scenario, { maxStates: PAGE_MAX_STATES });
    const first = result.outcomes.find((o) => o.id === 'appeal-drags-on')?.first;
    if (!first) throw new Error('appeal-drags-on is not reached from the start');
    expect(first.coalitions).toHaveLength(1);
    await expect(items.allTextContents()).resolves.toEqual(first.coalitions.map(describeCoalition));
    await expect(items.first().textContent()).resolves.toContain('moe + local-government: not coalition Nash stable');
    await page.close();
  });
});
