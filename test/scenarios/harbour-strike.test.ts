import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuotes } from '../../src/source/check-quotes.js';
import { parseSourceText } from '../../src/source/source-text.js';
import { runParley } from '../helpers/run-cli.js';
import { HARBOUR, loadModel, ROOT } from '../helpers/scenarios.js';

const SOURCE = join(ROOT, 'scenarios', 'sources', 'harbour-strike.txt');

describe('a second negotiation of another kind runs on the same engine', () => {
  it('validates, quotes checked against its shipped source', async () => {
    const result = await runParley(['validate', HARBOUR, '--source', SOURCE]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ok: .*2 parties, 9 stances/);
    expect(checkQuotes(loadModel(HARBOUR), parseSourceText(readFileSync(SOURCE, 'utf8')))).toEqual([]);
  });

  it('replays its timeline with `parley run`', async () => {
    const result = await runParley(['run', HARBOUR, '--json']);
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const summary = records.at(-1);
    expect(summary.final.stances).toEqual({ union: 'on-strike', operator: 'conditional-review' });
    expect(summary.final.facts).toEqual({ payOffer: 3, nightShifts: 'rolling', strike: true, mediatorProposal: 'none' });
  });
});
