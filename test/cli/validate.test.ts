import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, ARTICLE_TEXT } from '../helpers/scenarios.js';
import { existsSync } from 'node:fs';

const INVALID = 'test/fixtures/invalid';

describe('parley validate', () => {
  it('accepts the article model', async () => {
    const result = await runParley(['validate', ARTICLE]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('5 parties, 15 stances, 9 facts, 29 events, 7 outcomes, a timeline of 16 events');
  });

  it.runIf(existsSync(ARTICLE_TEXT))('checks every quote against the article with --source', async () => {
    const result = await runParley(['validate', ARTICLE, '--source', ARTICLE_TEXT]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('reports a quote that is not verbatim in its paragraph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-'));
    const source = join(dir, 'source.txt');
    writeFileSync(source, '[P1] an offer was made\n\n[P2] the seller softens and then accepts\n');
    const result = await runParley(['validate', 'test/fixtures/tiny.yaml', '--source', source]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: the quote of event "accepted" is not a verbatim fragment of P1 [quote-not-in-source]',
    );
  });

  // One golden file per diagnostic code: the rendered text a person reads.
  const fixtures = readdirSync(INVALID).filter((f) => f.endsWith('.yaml'));
  it.each(fixtures)('renders %s as FILE:LINE:COL, source line, carets and hint, exit 2', async (fixture) => {
    const result = await runParley(['validate', `${INVALID}/${fixture}`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${INVALID}/${fixture}:\\d+:\\d+: error: `));
    expectGolden(`diagnostics/${fixture.replace(/\.yaml$/, '.txt')}`, result.stderr);
  });
});
