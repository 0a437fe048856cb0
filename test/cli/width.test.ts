import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { getTextWidth } from '../../src/report/text-width.js';

// Relative paths, as a user types them: the output names the file.
const ARTICLE = 'scenarios/article.yaml';
const COLUMNS = 80;

/** Every line of a text, colour codes taking no width, fits the columns. */
function expectToFit(text: string, columns = COLUMNS): void {
  const over = text.split('\n').filter((line) => getTextWidth(line) > columns);
  expect(over).toEqual([]);
}

describe('output at 80 columns', () => {
  const commands: [name: string, args: string[]][] = [
    ['run', ['run', ARTICLE]],
    ['explore', ['explore', ARTICLE]],
    ['sample', ['sample', ARTICLE, '--runs', '2000', '--seed', '7', '--workers', '1']],
    ['why', ['why', ARTICLE, 'trilateral-summit']],
    ['check', ['check', ARTICLE, '--query', 'guaranteesArchitecture = established before trilateral-summit']],
    ['stability', ['stability', ARTICLE]],
    ['sensitivity', ['sensitivity', ARTICLE]],
    ['ablate', ['ablate', ARTICLE]],
    ['diff', ['diff', ARTICLE, '--between', '-5', '0']],
    ['validate', ['validate', ARTICLE]],
  ];

  it.each(commands)('parley %s fits 80 columns, tables laid out for them', async (name, args) => {
    const result = await runParley(args, { columns: COLUMNS });
    expect(result.stderr).toBe('');
    expectToFit(result.stdout);
    expectGolden(`width-80/${name}.txt`, result.stdout);
    // Wider than any line needs, the output is the one without a width.
    const wide = await runParley(args, { columns: 1000 });
    expect(wide.stdout).toBe((await runParley(args)).stdout);
  });

  it('validate shows a long source line in a window that fits, its carets under the culprit', async () => {
    const result = await runParley(['validate', 'test/fixtures/long-line.yaml'], { columns: COLUMNS });
    expect(result.code).toBe(2);
    expectToFit(result.stderr);
    expectGolden('width-80/validate-long-line.txt', result.stderr);
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((line) => line.startsWith('15 | '));
    const [source, carets] = [lines[at] as string, lines[at + 1] as string];
    expect(source).toMatch(/^15 \| …/);
    const column = carets.indexOf('^');
    expect((source as string).slice(column, column + 'colour'.length)).toBe('colour');
  });

  it('graph prints Mermaid and dot as they are: a file format is never wrapped', async () => {
    for (const format of ['mermaid', 'dot']) {
      const args = ['graph', ARTICLE, '--format', format];
      const narrow = await runParley(args, { columns: 40 });
      expect(narrow.stdout).toBe((await runParley(args)).stdout);
    }
  });

  it('--json and -o FILE are never wrapped', async () => {
    const json = await runParley(['explore', ARTICLE, '--json'], { columns: 40 });
    expect(json.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ type: 'explore' });
    const dir = mkdtempSync(join(tmpdir(), 'parley-width-'));
    await runParley(['explore', ARTICLE, '-o', join(dir, 'narrow.txt')], { columns: 40 });
    await runParley(['explore', ARTICLE, '-o', join(dir, 'plain.txt')]);
    expect(readFileSync(join(dir, 'narrow.txt'), 'utf8')).toBe(readFileSync(join(dir, 'plain.txt'), 'utf8'));
  });
});
