import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
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
    expect(result.stdout).toContain('5 parties, 15 stances, 9 facts, 30 events, 7 outcomes, a timeline of 16 events');
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

  it('finds every quote of tiny.yaml in the source text the README shows', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### The source text'));
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    expect(shown).toBe(readFileSync('test/fixtures/tiny.txt', 'utf8'));
    const result = await runParley(['validate', 'test/fixtures/tiny.yaml', '--source', 'test/fixtures/tiny.txt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('every quote found in test/fixtures/tiny.txt');
  });

  it('reports a source text without paragraph markers once, in that file, and checks no quote against it', async () => {
    const source = `${INVALID}/no-paragraph-markers.txt`;
    const result = await runParley(['validate', 'test/fixtures/tiny.yaml', '--source', source]);
    expect(result.code).toBe(2);
    expect(result.stderr.match(/: error: /g)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^${source}:3:1: error: .*\\[no-paragraph-markers\\]$`, 'm'));
    expect(result.stderr).not.toContain('[quote-not-in-source]');
    expectGolden('diagnostics/no-paragraph-markers.txt', result.stderr);
  });

  it('does not report a quote again when the paragraphs it cites are missing from the source text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-'));
    const source = join(dir, 'source.txt');
    writeFileSync(source, '[P1] an offer was made; the buyer accepts\n');
    const result = await runParley(['validate', 'test/fixtures/tiny.yaml', '--source', source]);
    expect(result.code).toBe(2);
    expect([...result.stderr.matchAll(/^\S+: error: (.*)$/gm)].map((m) => m[1])).toEqual([
      'paragraph "P2" is not in the source text [quote-not-in-source]',
    ]);
  });

  it('warns about likelihoods without a rationale, and with --deep about inert elements no note explains', async () => {
    const plain = await runParley(['validate', 'test/fixtures/tiny.yaml']);
    expect(plain.code).toBe(0);
    expect(plain.stderr.match(/\[missing-rationale\]/g)).toHaveLength(2);
    expect(plain.stderr).not.toContain('[inert-element]');

    const deep = await runParley(['validate', 'test/fixtures/tiny.yaml', '--deep']);
    expect(deep.code).toBe(0);
    const inert = [...deep.stderr.matchAll(/^(\S+): warning: removing (\S+) changes no outcome.*\[inert-element\]$/gm)];
    expect(inert.map((m) => [m[1], m[2]])).toEqual([
      ['test/fixtures/tiny.yaml:62:12', 'events.offer-made.add.offer'],
      ['test/fixtures/tiny.yaml:69:12', 'events.softened.set.mood'],
      ['test/fixtures/tiny.yaml:76:27', 'events.accepted.requires.stance.buyer'],
      ['test/fixtures/tiny.yaml:77:12', 'events.accepted.add.offer'],
    ]);
  });

  it('takes a note saying why an element stays, and warns when a note calls an element inert that is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-'));
    const file = join(dir, 'noted.yaml');
    writeFileSync(
      file,
      `${readFileSync('test/fixtures/tiny.yaml', 'utf8')}notes:
  events.accepted:
    inert: The offer and the precondition are kept for a later version.
  events.offer-made.add.offer:
    inert: The offer is history.
  parties.seller.stances.firm.on.softened:
    inert: Wrongly said to be inert.
`,
    );
    const result = await runParley(['validate', file, '--deep']);
    expect(result.code).toBe(0);
    expect([...result.stderr.matchAll(/removing (\S+) changes no outcome/g)].map((m) => m[1])).toEqual([
      'events.softened.set.mood',
    ]);
    expect(result.stderr).toMatch(
      /notes: "parties.seller.stances.firm.on.softened" says it is inert, but removing parties.seller.stances.firm.on.softened moves an outcome .*\[stale-note\]/,
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
