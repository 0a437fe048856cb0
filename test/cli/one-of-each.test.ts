import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';

/** One party, one fact, a one-event timeline, one hypothetical event, one outcome. */
const SINGLE = 'test/fixtures/single.yaml';

/** Every command of the transcript asked so that its counts come to exactly 1 where they can. */
const COMMANDS: readonly (readonly string[])[] = [
  ['validate', SINGLE],
  ['run', SINGLE],
  ['explore', SINGLE, '--horizon', '1', '--max-events', '1'],
  ['explore', SINGLE, '--at', '0', '--horizon', '1'],
  ['sample', SINGLE, '--runs', '1', '--seed', '1', '--workers', '1', '--horizon', '1', '--max-events', '1'],
  ['why', SINGLE, 'deal', '--horizon', '1', '--max-set', '1'],
  ['check', SINGLE, '--query', 'eventually deal within 1 day', '--horizon', '1'],
  ['sensitivity', SINGLE, '--horizon', '1'],
  ['ablate', SINGLE, '--horizon', '1'],
  ['stability', SINGLE, '--horizon', '1'],
];

describe('counts of exactly one', () => {
  it('name their noun in the singular in every command', async () => {
    const transcript: string[] = [];
    for (const args of COMMANDS) {
      const result = await runParley([...args]);
      expect(result.code, args.join(' ')).toBe(0);
      transcript.push(`$ parley ${args.join(' ')}`, result.stdout + result.stderr);
    }
    const text = transcript.join('\n');
    expectGolden('singular/one-of-each.txt', text);
    // The words a count of one must never meet, whatever the golden file says.
    expect(text).not.toMatch(/\b1 (moves|days|events|facts|parties|outcomes|runs|points|states|elements)\b/);
  });
});
