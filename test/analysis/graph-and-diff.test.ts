import { describe, expect, it } from 'vitest';
import { graph } from '../../src/api/analyses.js';
import { explore } from '../../src/api/explore.js';
import { loadScenario } from '../../src/api/scenario.js';
import { diffExplorations } from '../../src/analysis/diff.js';
import { expectGolden } from '../helpers/golden.js';
import { ARTICLE } from '../helpers/scenarios.js';

const article = loadScenario(ARTICLE);

describe('graph exports', () => {
  it('draws the statecharts as Mermaid and dot', () => {
    expectGolden('graph/statecharts.mmd', graph(article, { format: 'mermaid' }));
    const dot = graph(article, { format: 'dot' });
    expectGolden('graph/statecharts.dot', dot);
    for (const party of article.model.parties) for (const stance of party.stances) expect(dot).toContain(`"${party.id}/${stance.id}" [label="${stance.id}"`);
  });

  it('draws the joint graph state by state when small, lumped by outcome when large', () => {
    const small = graph(article, { joint: true, within: { days: 1, events: 1 }, format: 'dot' });
    expect(small).toMatch(/n0 \[label="start: s0 day 0", penwidth=2\];/);
    const lumped = graph(article, { joint: true, format: 'mermaid', maxNodes: 50 });
    expect(lumped).toContain('start: no outcome');
    expect(lumped).toContain('"trilateral-summit, raised-level-istanbul-talks"');
    expect(lumped.split('\n').filter((l) => l.includes('-->')).length).toBeGreaterThan(5);
  });
});

describe('diff', () => {
  it('tells what became reachable and how the odds moved', () => {
    const what = loadScenario('scenarios/what-if/moscow-at-the-table.yaml');
    const result = diffExplorations(explore(article), 'article', explore(what), 'what-if');
    const raised = result.outcomes.find((o) => o.id === 'raised-level-istanbul-talks');
    expect(raised?.change).toBe('odds changed');
    expect(raised?.delta).toBeGreaterThan(0.1);
    expect(result.outcomes.find((o) => o.id === 'bilateral-summit')?.change).toBe('unchanged');
    const early = diffExplorations(explore(article, { from: 'compromise-signalled' }), 'before the window', explore(article), 'after');
    expect(early.outcomes.find((o) => o.id === 'trilateral-summit')?.change).toBe('became reachable');
  });
});
