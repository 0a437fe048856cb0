import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/scenarios.js';

const ELMIRA = join('scenarios', 'elmira.yaml');
const SOURCE = join(ROOT, 'scenarios', 'sources', 'elmira.txt');

describe('a conflict in option form, as the graph model writes it, runs on the same engine', () => {
  it('validates, quotes checked against its shipped source, every element doing work or noted', async () => {
    const result = await runParley(['validate', ELMIRA, '--source', SOURCE, '--deep']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ok: .*3 parties, 7 stances, 0 facts, 7 events, 4 outcomes/);
  });

  it('answers `parley stability` for every concept, and for the coalition of the Ministry and the local government', async () => {
    const result = await runParley(['stability', ELMIRA, '--coalition', 'moe,local-government']);
    expect(result.code).toBe(0);
    expectGolden('analyses/stability-elmira.txt', result.stdout);
  });
});
