import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { mergeOverlay } from '../../src/model/merge-overlay.js';
import { runParley } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/scenarios.js';

describe('a what-if overlay is a scenario too', () => {
  it('merges entry by entry, replaces lists and scalars, removes with null, and never sets a prototype', () => {
    expect(mergeOverlay({ a: { x: 1, y: 2 }, b: [1, 2], c: 3 }, { a: { y: 5, z: 6 }, b: [9], c: null })).toEqual({ a: { x: 1, y: 5, z: 6 }, b: [9] });
    const merged = mergeOverlay({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('adds and changes events of the article, and runs through every command', async () => {
    const whatIf = loadScenario(join(ROOT, 'scenarios', 'what-if', 'moscow-at-the-table.yaml'));
    expect(whatIf.model.title).toBe('What if: Moscow at the table on guarantees');
    expect(whatIf.model.events.find((e) => e.id === 'raised-level-round-held')?.likelihood).toMatchObject({ word: 'very likely' });
    expect(whatIf.model.events.find((e) => e.id === 'moscow-joins-guarantees-talks')?.by).toBe('united-states');
    expect(whatIf.model.parties).toHaveLength(5);
    expect((await runParley(['explore', 'scenarios/what-if/moscow-at-the-table.yaml', '--json'])).code).toBe(0);
  });

  it('locates a mistake in the file it is in, overlay or base, and refuses a chain that loops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-overlay-'));
    writeFileSync(join(dir, 'base.yaml'), (await import('node:fs')).readFileSync(join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'utf8').replace('    quote: softens\n', '    quote: softens\n    colour: blue\n'));
    writeFileSync(join(dir, 'over.yaml'), 'parley: 1\nextends: base.yaml\ntitle: over\nevents:\n  accepted:\n    likelihood: sometimes\n');
    const result = await runParley(['validate', join(dir, 'over.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/over\.yaml:6:17: error: events\.accepted\.likelihood is text "sometimes"/);
    expect(result.stderr).toMatch(/base\.yaml:\d+:5: error: unknown key "colour" in events\.softened/);
    writeFileSync(join(dir, 'loop-a.yaml'), 'parley: 1\nextends: loop-b.yaml\n');
    writeFileSync(join(dir, 'loop-b.yaml'), 'parley: 1\nextends: loop-a.yaml\n');
    const loop = await runParley(['validate', join(dir, 'loop-a.yaml')]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('[extends-cycle]');
    writeFileSync(join(dir, 'missing.yaml'), 'parley: 1\nextends: nowhere.yaml\n');
    expect((await runParley(['validate', join(dir, 'missing.yaml')])).stderr).toMatch(/missing\.yaml:2:10: error: cannot read "nowhere\.yaml"/);
  });
});
