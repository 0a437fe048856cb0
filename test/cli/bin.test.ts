import { describe, expect, it } from 'vitest';
import { runParley } from '../helpers/run-cli.js';
import { spawnParley } from '../helpers/spawn-cli.js';

describe('the installed `parley` binary (built by npm ci)', () => {
  it('prints the same trace as the in-process command', async () => {
    const spawned = spawnParley(['run', 'scenarios/article.yaml']);
    expect(spawned.status).toBe(0);
    expect(spawned.stdout).toBe((await runParley(['run', 'scenarios/article.yaml'])).stdout);
  });

  it('exits 2 on bad input, with no stack trace', () => {
    const spawned = spawnParley(['run', 'test/fixtures/invalid/many-errors.yaml']);
    expect(spawned.status).toBe(2);
    expect(spawned.stdout).toBe('');
    expect(spawned.stderr).toContain('4 errors in test/fixtures/invalid/many-errors.yaml');
    expect(spawned.stderr).not.toMatch(/\n\s+at /);
  });
});
