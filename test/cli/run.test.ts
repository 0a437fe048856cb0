import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { EXIT } from '../../src/cli/io.js';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE } from '../helpers/scenarios.js';

const relative = 'scenarios/article.yaml';

describe('parley run', () => {
  it('prints the article’s trace: day, event, paragraphs, quote, stances before -> after, facts, outcomes, summary', async () => {
    const result = await runParley(['run', ARTICLE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectGolden('run/article.txt', result.stdout);
  });

  it('marks a stance change and a fact change', async () => {
    const { stdout } = await runParley(['run', ARTICLE]);
    const step = stdout.split('\n\n').find((block) => block.includes('raise-level-proposed  (historical'));
    expect(step).toContain('* russia         istanbul-format -> raise-delegation-level');
    expect(step).toContain('* raisedLevelProposal: none -> pending');
    expect(step).toContain('> think about raising the level of the heads of delegation');
  });

  it('prints JSON lines with --json: a scenario record, one step per timeline event, a summary', async () => {
    const { code, stdout } = await runParley(['run', ARTICLE, '--json']);
    expect(code).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.type)).toEqual(['scenario', ...Array(16).fill('step'), 'summary']);
    const call = records.find((r) => r.event === 'raise-level-proposed');
    expect(call).toMatchObject({
      day: -2,
      cites: ['P10', 'P14'],
      quote: 'think about raising the level of the heads of delegation',
      stances: { russia: { before: 'istanbul-format', after: 'raise-delegation-level', changed: true } },
      facts: { raisedLevelProposal: { before: 'none', after: 'pending' } },
    });
    expect(records.at(-1)).toMatchObject({ type: 'summary', events: 16, firstDay: -120, lastDay: 0, stanceChanges: 8 });
    expectGolden('run/article.jsonl', stdout);
  });

  it('uses colours on a terminal only, and never with NO_COLOR', async () => {
    const esc = '\u001b[';
    expect((await runParley(['run', ARTICLE], { tty: false })).stdout).not.toContain(esc);
    expect((await runParley(['run', ARTICLE], { tty: true })).stdout).toContain(esc);
    expect((await runParley(['run', ARTICLE], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await runParley(['run', ARTICLE, '--json'], { tty: true })).stdout).not.toContain(esc);
  });

  it('exits 2 and writes nothing to stdout for a bad file', async () => {
    const result = await runParley(['run', 'test/fixtures/invalid/unknown-stance.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'test/fixtures/invalid/unknown-stance.yaml:51:21: error: unknown stance "flexibel"',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing file or a directory, without a stack trace', async () => {
    for (const path of ['no/such/file.yaml', 'scenarios']) {
      const result = await runParley(['run', path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^${path}: error: `));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('accepts a relative path the way a user types it', async () => {
    expect((await runParley(['run', relative])).code).toBe(0);
  });
});

describe('help and usage', () => {
  it('documents every command in --help', async () => {
    const { code, stdout } = await runParley(['--help']);
    expect(code).toBe(0);
    for (const word of ['run', 'validate', 'schema', 'Exit codes', 'NO_COLOR']) expect(stdout).toContain(word);
    expectGolden('help/parley.txt', stdout);
  });

  it('lists every exit code in --help, and a signal’s', async () => {
    const { stdout } = await runParley(['--help']);
    const listed = [...stdout.matchAll(/^ {2}(\d+) {2,}/gm)].map((m) => Number(m[1]));
    expect(listed).toEqual([...Object.values(EXIT), 128 + os.constants.signals.SIGINT]);
  });

  it('refuses a command without an option it requires, exit 2, and marks such options in its help', async () => {
    const cases = [
      ['sample', ARTICLE, '--seed', '1'],
      ['sample', ARTICLE, '--runs', '10'],
      ['check', ARTICLE],
    ];
    const transcript: string[] = [];
    for (const args of cases) {
      const result = await runParley(args);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      transcript.push(`$ parley ${args.join(' ').replace(ARTICLE, 'scenarios/article.yaml')}`, result.stderr);
    }
    expectGolden('help/missing-required.txt', transcript.join('\n'));
    expect((await runParley(['sample', '--help'])).stdout).toMatch(/--runs <n> +number of runs \(required\)/);
    expect((await runParley(['check', '--help'])).stdout).toMatch(/--query <query> +the query \(required\)/);
  });

  it.each(['run', 'validate', 'schema', 'explore', 'sample'])('documents `parley %s --help`', async (command) => {
    const { code, stdout } = await runParley([command, '--help']);
    expect(code).toBe(0);
    expectGolden(`help/${command}.txt`, stdout);
  });

  it('exits 2 on a usage error', async () => {
    expect((await runParley(['run'])).code).toBe(2);
    expect((await runParley(['frobnicate'])).code).toBe(2);
    expect((await runParley(['run', ARTICLE, '--bogus'])).code).toBe(2);
  });
});
