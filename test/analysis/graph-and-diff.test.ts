import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graph } from '../../src/api/analyses.js';
import { explore } from '../../src/api/explore.js';
import { loadScenario } from '../../src/api/scenario.js';
import { diffExplorations } from '../../src/analysis/diff.js';
import { expectGolden } from '../helpers/golden.js';
import { ARTICLE, ROOT } from '../helpers/scenarios.js';

const article = loadScenario(ARTICLE);

describe('graph exports', () => {
  it('draws the statecharts as Mermaid and dot', () => {
    expectGolden('graph/statecharts.mmd', graph(article, { format: 'mermaid' }));
    const dot = graph(article, { format: 'dot' });
    expectGolden('graph/statecharts.dot', dot);
    article.model.parties.forEach((party, p) =>
      party.stances.forEach((stance, s) => expect(dot).toContain(`p${p}_s${s} [label="${stance.id}"`)),
    );
  });

  it('keeps stances apart whose ids differ only in punctuation', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/tiny.yaml'), 'utf8')
      .replaceAll('waiting', 'flexible_a')
      .replaceAll('considering', 'flexible-a');
    const scenario = loadScenario(text);
    const mermaid = graph(scenario, { format: 'mermaid' });
    const ids = [...mermaid.matchAll(/^ {4}state "([^"]+)" as (\S+)$/gm)].map((m) => [m[1], m[2]]);
    const buyer = scenario.model.parties.find((p) => p.id === 'buyer');
    expect(ids.filter(([name]) => buyer?.stances.some((s) => s.id === name))).toHaveLength(buyer?.stances.length ?? -1);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
    const idOf = (name: string) => ids.find(([n]) => n === name)?.[1];
    expect(mermaid).toContain(`${idOf('flexible_a')} --> ${idOf('flexible-a')}: offer-made`);
  });

  it('draws the joint graph state by state when small, lumped by outcome when large', () => {
    const small = graph(article, { joint: true, within: { days: 1, events: 1 }, format: 'dot' });
    expect(small).toMatch(/n0 \[label="start: s0 day 0", penwidth=2\];/);
    const lumped = graph(article, { joint: true, format: 'mermaid', maxNodes: 50 });
    expect(lumped).toContain('start: no outcome');
    expect(lumped).toContain('"trilateral-summit, raised-level-istanbul-talks"');
    expect(lumped.split('\n').filter((l) => l.includes('-->')).length).toBeGreaterThan(5);
    expect(lumped).not.toContain('partial');
  });

  it('says in the file itself when the search behind a joint graph was cut', () => {
    expect(graph(article, { joint: true, maxStates: 50 }).split('\n')[1]).toMatch(
      /^ {2}%% partial: the search was cut after \d+ states \(\d+ expanded\); states beyond them are not drawn$/,
    );
    expect(graph(article, { joint: true, maxStates: 50, format: 'dot' })).toMatch(
      /\n {2}label="partial: the search was cut after \d+ states/,
    );
  });
});

describe('diff', () => {
  it('tells what became reachable and how the odds moved', () => {
    const what = loadScenario('scenarios/what-if/moscow-at-the-table.yaml');
    const result = diffExplorations(explore(article), 'article', explore(what), 'what-if');
    const raised = result.outcomes.find((o) => o.id === 'raised-level-istanbul-talks');
    expect(raised?.change).toBe('odds changed');
    expect(raised?.delta).toBeGreaterThan(0.1);
    const same = diffExplorations(explore(article), 'article', explore(article), 'again');
    expect(same.outcomes.every((o) => o.change === 'unchanged' && o.delta === 0)).toBe(true);
    const early = diffExplorations(
      explore(article, { from: 'compromise-signalled' }),
      'before the window',
      explore(article),
      'after',
    );
    expect(early.outcomes.find((o) => o.id === 'trilateral-summit')?.change).toBe('became reachable');
  });

  it('carries each side’s chance that an outcome holds when the horizon ends, as explore gives it', () => {
    const what = loadScenario('scenarios/what-if/moscow-at-the-table.yaml');
    const [before, after] = [explore(article), explore(what)];
    const result = diffExplorations(before, 'article', after, 'what-if');
    for (const o of result.outcomes) {
      const [b, a] = [before, after].map((r) => r.outcomes.find((x) => x.id === o.id)?.holdsAtEnd);
      expect(o.before?.holdsAtEnd).toBe(b);
      expect(o.after?.holdsAtEnd).toBe(a);
      expect(o.holdsAtEndDelta).toBe((a as number) - (b as number));
    }
    // Reaching it within the horizon and holding it at the end are two questions: here they differ.
    const track = result.outcomes.find((o) => o.id === 'humanitarian-track-only');
    expect(track?.before?.holdsAtEnd).toBeLessThan((track?.before?.probability as number) - 0.1);
  });

  it('cites each outcome’s paragraphs', () => {
    const result = diffExplorations(
      explore(article, { from: 'compromise-signalled' }),
      'before',
      explore(article),
      'after',
    );
    for (const o of result.outcomes) expect(o.cites).toEqual(article.model.outcomes.find((x) => x.id === o.id)?.cites);
  });

  it('does not call an outcome unchanged when a search cut short did not find it on one side', () => {
    const before = explore(article, { from: 'compromise-signalled', maxStates: 40 });
    const after = explore(article, { maxStates: 40 });
    const result = diffExplorations(before, 'before', after, 'after');
    for (const o of result.outcomes) {
      const statuses = [o.before?.status, o.after?.status];
      if (statuses.includes('not-found')) expect(o.change).toBe('cannot tell');
      else expect(o.change).toBe('reachable in both, odds unknown');
    }
    const statuses = result.outcomes.map((o) => [o.before?.status, o.after?.status].sort().join());
    expect(statuses).toContain('not-found,reachable');
  });
});
