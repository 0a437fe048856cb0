// Coalitions declared in the scenario file: checked as written, and judged by `parley stability`
// by default, exactly as `--coalition` would judge them; `--coalition` replaces them.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, stability } from '../../src/index.js';
import { parseScenario } from '../../src/model/load.js';
import { runParley } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/scenarios.js';

const ELMIRA = join(ROOT, 'scenarios', 'elmira.yaml');
const elmiraText = readFileSync(ELMIRA, 'utf8');
const withCoalitions = (list: string) =>
  elmiraText.replace('coalitions:\n  - [moe, local-government]\n', `coalitions:\n${list}`);
const codes = (text: string) => parseScenario(text).diagnostics.map((d) => [d.code, d.message]);

describe('coalitions in the scenario file', () => {
  it('are judged by default, as --coalition judges them', () => {
    const elmira = loadScenario(ELMIRA);
    expect(elmira.model.coalitions).toEqual([['moe', 'local-government']]);
    const byDefault = stability(elmira, { concepts: ['nash', 'seq'] });
    const asked = stability(elmira, { concepts: ['nash', 'seq'], coalitions: [['moe', 'local-government']] });
    expect(byDefault.coalitions).toEqual([['moe', 'local-government']]);
    expect(byDefault).toEqual(asked);
    // A coalition that can improve jointly somewhere: the verdicts say something.
    const verdicts = byDefault.outcomes.flatMap((o) => (o.first?.coalitions ?? []).map((c) => c.cnash));
    expect(verdicts).toContain(false);
    expect(verdicts).toContain(true);
  });

  it('are replaced by --coalition on the command line', async () => {
    const replaced = await runParley([
      'stability',
      ELMIRA,
      '--concept',
      'nash',
      '--coalition',
      'moe,uniroyal',
      '--json',
    ]);
    expect(replaced.code).toBe(0);
    expect(JSON.parse(replaced.stdout).coalitions).toEqual([['moe', 'uniroyal']]);
    const byDefault = await runParley(['stability', ELMIRA, '--concept', 'nash', '--json']);
    expect(JSON.parse(byDefault.stdout).coalitions).toEqual([['moe', 'local-government']]);
  });

  it('name parties with preferences, each once, each coalition once, and two or more', () => {
    expect(codes(withCoalitions('  - [moe, local-govermnent]\n'))).toEqual([
      [
        'unknown-reference',
        'unknown party "local-govermnent" in a coalition (expected one of: moe, uniroyal, local-government)',
      ],
    ]);
    expect(codes(withCoalitions('  - [moe, moe]\n'))).toEqual([
      ['duplicate-id', 'party "moe" is listed twice in one coalition'],
    ]);
    expect(codes(withCoalitions('  - [moe, uniroyal]\n  - [uniroyal, moe]\n'))).toEqual([
      ['duplicate-id', 'the coalition uniroyal, moe is listed twice'],
    ]);
    expect(codes(withCoalitions('  - [moe]\n')).map(([code]) => code)).toEqual(['invalid-value']);
    const unranked = withCoalitions('  - [moe, uniroyal]\n').replace(
      /(\n {2}uniroyal:\n(?: {4}.*\n|\n)*?) {4}prefers:\n( {6}.*\n)+/,
      '$1',
    );
    expect(codes(unranked)).toContainEqual([
      'invalid-value',
      'party "uniroyal" has no preferences (expected parties with prefers or prioritises: stability judges only those)',
    ]);
  });

  it('point at the culprit in validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-coalitions-'));
    const file = join(dir, 'elmira.yaml');
    writeFileSync(file, withCoalitions('  - [moe, local-govermnent]\n'));
    const result = await runParley(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/elmira\.yaml:\d+:\d+: error: unknown party "local-govermnent" in a coalition/);
    expect(result.stderr).toContain('did you mean "local-government"?');
  });
});
