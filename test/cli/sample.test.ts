import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE } from '../helpers/scenarios.js';

describe('parley sample', () => {
  it('reports frequency, Wilson interval, first day and frequent paths per outcome', async () => {
    const result = await runParley(['sample', ARTICLE, '--runs', '2000', '--seed', '7', '--workers', '1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expectGolden('sample/article.txt', result.stdout);
  });

  it('gives byte-identical output for the same seed on 1 and 2 workers', async () => {
    const one = await runParley(['sample', ARTICLE, '--runs', '3001', '--seed', 'same', '--workers', '1', '--json']);
    const two = await runParley(['sample', ARTICLE, '--runs', '3001', '--seed', 'same', '--workers', '2', '--json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const other = await runParley([
      'sample',
      ARTICLE,
      '--runs',
      '3001',
      '--seed',
      'different',
      '--workers',
      '1',
      '--json',
    ]);
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('requires --runs and --seed', async () => {
    expect((await runParley(['sample', ARTICLE, '--seed', '1'])).code).toBe(2);
    expect((await runParley(['sample', ARTICLE, '--runs', '10'])).code).toBe(2);
    expect((await runParley(['sample', ARTICLE, '--runs', 'many', '--seed', '1'])).code).toBe(2);
  });
});
