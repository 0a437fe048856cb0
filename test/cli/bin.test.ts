import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runParley } from '../helpers/run-cli.js';
import { BIN, spawnParley, startParley } from '../helpers/spawn-cli.js';

describe('the installed `parley` binary (built by npm ci)', () => {
  it('is executable after every build, so that `npx parley` runs it (tsc writes it without the mode)', () => {
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
  });

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

  it('stops quietly when its reader closes the pipe early (`parley graph FILE --joint | head -1`)', async () => {
    const child = startParley(['graph', 'scenarios/article.yaml', '--joint', '--max-nodes', '100000']);
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    // The first chunk read, the reader goes away, as `head -1` does.
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    child.stdout?.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
