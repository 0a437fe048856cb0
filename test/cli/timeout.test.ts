// --timeout counts from the command's start, not from the search's: loading and compiling spend
// the same budget. Each test starts its command as if it had begun long ago, so the deadline has
// passed before the search begins, whatever the machine's speed.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { getShouldStop } from '../../src/cli/timeout.js';
import { ARTICLE } from '../helpers/scenarios.js';

/** Runs the CLI in-process as if it had started `ago` milliseconds before now. */
async function runStartedAgo(args: string[], ago: number) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    startedAt: performance.now() - ago,
  });
  return { code, stdout, stderr };
}

describe('--timeout', () => {
  it('counts from when the command started', () => {
    const { shouldStop } = getShouldStop(5, performance.now() - 10_000);
    expect(shouldStop?.()).toBe(true);
    // Started now, 1000 s ahead: no test machine gets there.
    expect(getShouldStop(1000, performance.now()).shouldStop?.()).toBe(false);
    expect(getShouldStop(undefined, 0)).toEqual({});
  });

  it.each([1, 2])('a sample begun after its deadline on %i thread(s) stops at its first check', async (workers) => {
    // Had the 5 s been counted from the search's start, 5 s of sampling would do far more than the
    // runs up to the first check (64 on each thread); on 2 threads, this one would have gone on to
    // the end of its first chunk of 512 runs before the stop poll, which runs between chunks.
    const args = ['sample', ARTICLE, '--runs', '50000000', '--seed', 's', '--workers', String(workers)];
    const result = await runStartedAgo([...args, '--timeout', '5', '--json'], 60_000);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ stopped: true, requestedRuns: 50_000_000 });
    expect(json.runs).toBeGreaterThan(0);
    expect(json.runs).toBeLessThan(512);
  });

  it('a command in-process without a start time counts from when it is called', async () => {
    const args = ['sample', ARTICLE, '--runs', '200', '--seed', 's', '--workers', '1', '--timeout', '1000', '--json'];
    let stdout = '';
    const code = await runCli(args, {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ stopped: false, runs: 200 });
  });
});
