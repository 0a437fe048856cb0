import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { MAX_WORKERS } from '../../src/options/api-option-rules.js';
import { MAX_HORIZON_DAYS } from '../../src/options/question-option-rules.js';

// A file that does not exist: every flag is parsed before the file is read, so a value the flag
// takes ends in the file's error, and one it refuses in the flag's own.
const NO_FILE = 'no-such-scenario.yaml';

/** Every numeric flag of every command, with the command line that carries it (VALUE stands for the value). */
const FLAGS: readonly (readonly string[])[] = [
  ['explore', NO_FILE, '--horizon', 'VALUE'],
  ['explore', NO_FILE, '--max-events', 'VALUE'],
  ['explore', NO_FILE, '--max-states', 'VALUE'],
  ['explore', NO_FILE, '--precision', 'VALUE'],
  ['explore', NO_FILE, '--timeout', 'VALUE'],
  ['explore', NO_FILE, '--at', 'VALUE'],
  ['explore', NO_FILE, '--as-of', 'VALUE'],
  ['sample', NO_FILE, '--seed', '1', '--runs', 'VALUE'],
  ['sample', NO_FILE, '--runs', '1', '--seed', 'VALUE'],
  ['sample', NO_FILE, '--runs', '1', '--seed', '1', '--workers', 'VALUE'],
  ['why', NO_FILE, 'deal', '--max-set', 'VALUE'],
  ['graph', NO_FILE, '--max-nodes', 'VALUE'],
  ['sensitivity', NO_FILE, '--window-range', 'VALUE'],
  ['sensitivity', NO_FILE, '--horizon-range', 'VALUE'],
  ['diff', NO_FILE, '--between', 'VALUE', '0'],
  ['inspect', NO_FILE, '--port', 'VALUE'],
];

/** A word, a negative number, zero, a fraction and a number past 2^53. */
const VALUES = ['ten', '-5', '0', '1.5', '99999999999999999999'];

describe('numeric flags', () => {
  it('refuse every value they do not take, saying in words what they expected', async () => {
    const table: string[] = [];
    for (const flag of FLAGS)
      for (const value of VALUES) {
        const args = flag.map((a) => (a === 'VALUE' ? value : a));
        const { code, stdout, stderr } = await runParley(args);
        expect(code, args.join(' ')).toBe(2);
        expect(stdout).toBe('');
        const accepted = stderr.startsWith(`${NO_FILE}: error: `);
        const said = accepted ? 'accepted' : (stderr.split('\n')[0] as string);
        if (!accepted) {
          // In words: what was expected, and the value as given; never a raw bound past 2^53 or a schema's message.
          expect(said, args.join(' ')).toMatch(/ expected (a|an|LOW-HIGH)\b.*, got "/);
          expect(said).toContain(`got "${value}"`);
          // Only a whole number past 2^53 is called too large to count.
          if (value !== '99999999999999999999') expect(said).not.toContain('too large');
          expect(said.replaceAll(value, 'VALUE')).not.toMatch(/\d{10,}|Invalid input|ZodError|NaN|Infinity/);
        }
        // The most workers depends on this machine's cores: the golden file names it.
        table.push(`parley ${args.join(' ')}\n   ${said.replace(` to ${MAX_WORKERS} (`, ' to MAX_WORKERS (')}`);
      }
    expectGolden('options/numeric-flags.txt', `${table.join('\n')}\n`);
  });
});

describe('flags with a largest value', () => {
  // Each at its limit (taken: the missing file is what is refused), just over it, and far over it.
  const CASES: readonly { args: (value: string) => string[]; limit: number; over: readonly string[] }[] = [
    { args: (v) => ['explore', NO_FILE, '--horizon', v], limit: MAX_HORIZON_DAYS, over: ['2147483648'] },
    { args: (v) => ['check', NO_FILE, '--query', 'eventually x', '--horizon', v], limit: MAX_HORIZON_DAYS, over: [] },
    {
      args: (v) => ['sample', NO_FILE, '--runs', '1', '--seed', '1', '--horizon', v],
      limit: MAX_HORIZON_DAYS,
      over: [],
    },
    {
      args: (v) => ['sample', NO_FILE, '--runs', '1', '--seed', '1', '--workers', v],
      limit: MAX_WORKERS,
      over: ['1000'],
    },
    { args: (v) => ['sensitivity', NO_FILE, '--horizon-range', `1-${v}`], limit: MAX_HORIZON_DAYS, over: [] },
    { args: (v) => ['sensitivity', NO_FILE, '--window-range', `1-${v}`], limit: MAX_HORIZON_DAYS, over: [] },
  ];

  it('take the limit and refuse one more, as a usage error without a stack trace', async () => {
    for (const { args, limit, over } of CASES) {
      const at = await runParley(args(String(limit)));
      expect(at.code, args(String(limit)).join(' ')).toBe(2);
      expect(at.stderr.startsWith(`${NO_FILE}: error: `), at.stderr).toBe(true);
      for (const value of [String(limit + 1), ...over]) {
        const { code, stdout, stderr } = await runParley(args(value));
        expect(code, args(value).join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(
          new RegExp(`^error: option '--[a-z-]+ <[a-z-]+>' argument '(1-)?${value}' is invalid\\. expected `),
        );
        expect(stderr).toContain(limit === MAX_WORKERS ? `to ${MAX_WORKERS} (` : '100,000');
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    }
  });
});
