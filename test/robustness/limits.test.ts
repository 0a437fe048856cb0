import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { constants, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateParallelScenario } from '../../bench/generated-models.js';
import { explore } from '../../src/api/explore.js';
import { loadScenario } from '../../src/api/scenario.js';
import { getQuestionSettings } from '../../src/api/start.js';
import { getDefaultMaxStates } from '../../src/runtime/default-max-states.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, ROOT } from '../helpers/scenarios.js';
import { startParley } from '../helpers/spawn-cli.js';
import { startOnTerminal } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));
// 10 parties of 5 stances: 9.7 million joint stances, far more than any test waits for. The
// --max-states below only keeps a broken --timeout from running for minutes: it would then say
// "cut at --max-states" and fail.
const BIG = join(dir, 'big.yaml');
const TINY = join(ROOT, 'test', 'fixtures', 'tiny.yaml');
writeFileSync(BIG, JSON.stringify(generateParallelScenario(10, 5)));
const CAP = ['--max-states', '3000000'];

describe('--max-states', () => {
  it('defaults to what this machine can hold: a quarter of its memory at 300 bytes a state, at most 20 million', () => {
    expect(getDefaultMaxStates()).toBe(Math.max(100_000, Math.min(20_000_000, Math.floor((totalmem() * 0.25) / 300))));
  });

  it('is the one default of the command line, the library and the matchers alike', async () => {
    const cli = JSON.parse((await runParley(['explore', TINY, '--json'])).stdout);
    expect(cli.search.maxStates).toBe(getDefaultMaxStates());
    const scenario = loadScenario(readFileSync(TINY, 'utf8'));
    expect(explore(scenario).search.maxStates).toBe(getDefaultMaxStates());
    // The matchers open their questions through the same settings.
    expect(getQuestionSettings(scenario, {}).settings.maxStates).toBe(getDefaultMaxStates());
  });

  it('stops a state space larger than the limit with a partial result and says so', async () => {
    const result = await runParley(['explore', BIG, '--max-states', '50000', '--json']);
    expect(result.code).toBe(0);
    const { search, outcomes } = JSON.parse(result.stdout);
    expect(search).toMatchObject({ exhaustive: false, stopped: false, maxStates: 50000 });
    expect(search.states).toBeGreaterThanOrEqual(50000);
    expect(outcomes[0].status).toBe('not-found');
  });
});

describe('--timeout ends a command with a partial result, marked as such', () => {
  it('explore: the states found, "stopped by --timeout", outcomes "not found", never "unreachable"', async () => {
    const text = await runParley(['explore', BIG, '--timeout', '0.2', ...CAP]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Searched [\d,]+ joint states and [\d,]+ transitions: stopped by --timeout; [\d,]+ states left unexplored\./,
    );
    expect(text.stdout).toContain('not found within');
    const json = JSON.parse((await runParley(['explore', BIG, '--timeout', '0.2', ...CAP, '--json'])).stdout);
    expect(json.search).toMatchObject({ exhaustive: false, stopped: true });
    expect(json.search.states).toBeLessThan(3_000_000);
    expect(json.outcomes[0]).toMatchObject({ status: 'not-found', probability: null });
    // Out of time, it solves nothing more: no probability bounds beyond [0, 1], no dead ends sought.
    expect(json.outcomes[0].probabilityBounds).toEqual([0, 1]);
    expect(json.deadEnds).toMatchObject({ lookedFor: false, states: 0 });
    expect(text.stdout).toContain('Dead ends: not looked for (the search was stopped by --timeout).');
  });

  it.each([1, 2])('sample on %i worker(s): the runs done by then, out of those asked for', async (workers) => {
    const result = await runParley([
      'sample',
      ARTICLE,
      '--runs',
      '50000000',
      '--seed',
      's',
      '--workers',
      String(workers),
      '--timeout',
      '0.3',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ stopped: true, requestedRuns: 50_000_000 });
    expect(json.runs).toBeGreaterThan(0);
    expect(json.runs).toBeLessThan(50_000_000);
    const hits = json.outcomes.map((o: { runs: number }) => o.runs);
    expect(Math.max(...hits)).toBeLessThanOrEqual(json.runs);
    const text = await runParley([
      'sample',
      ARTICLE,
      '--runs',
      '50000000',
      '--seed',
      's',
      '--workers',
      String(workers),
      '--timeout',
      '0.3',
    ]);
    expect(text.stdout).toMatch(/Stopped by --timeout after [\d,]+ of 50,000,000 runs/);
  });

  it.each([
    ['why', ['why', BIG, 'all-last'], /stopped by --timeout: what follows is not proven/],
    [
      'check',
      ['check', BIG, '--query', 'eventually all-last'],
      /cannot be decided \(the search was stopped by --timeout\)/,
    ],
    ['stability', ['stability', BIG], /The search was stopped by --timeout/],
    ['sensitivity', ['sensitivity', BIG], /Partial: the search was stopped by --timeout/],
    ['diff', ['diff', BIG, BIG], /the search was stopped by --timeout after [\d,]+ states/],
  ])('%s', async (_name, args, message) => {
    const result = await runParley([...args, '--timeout', '0.2', ...CAP]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(args[0] === 'check' ? 3 : 0);
    expect(result.stdout).toMatch(message);
  });

  it('graph --joint draws the states found', async () => {
    const result = await runParley(['graph', BIG, '--joint', '--timeout', '0.2', ...CAP]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
  });

  it.each(['0', '-1', 'soon', ''])('refuses --timeout %j with exit 2', async (value) => {
    const result = await runParley(['explore', ARTICLE, '--timeout', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a finite number of seconds above 0');
  });
});

describe('output files are whole or absent', () => {
  it('--output writes the same text as stdout, without colour', async () => {
    const path = join(dir, 'out', 'explore.txt');
    const printed = await runParley(['explore', ARTICLE]);
    const written = await runParley(['explore', ARTICLE, '--output', path], { tty: true });
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(path, 'utf8')).toBe(printed.stdout);
  });

  it('--output through a symbolic link replaces the file it names and keeps the link; a FIFO is written into, not replaced', async () => {
    const target = join(dir, 'linked-target.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    const printed = (await runParley(['run', ARTICLE])).stdout;
    expect((await runParley(['run', ARTICLE, '--output', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(printed);

    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = startParley(['run', ARTICLE, '--output', fifo]);
    const read = readFileSync(fifo, 'utf8');
    await new Promise((resolve) => writer.on('close', resolve));
    expect(read).toBe(printed);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('an --output that cannot be written: exit 2, a message, no file', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const result = await runParley(['run', ARTICLE, '--output', join(dir, 'a-file', 'run.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: cannot write .*a-file\/run\.txt: a part of the path is a file, not a directory\n$/,
    );
    // A directory that cannot be made under a kernel file system: an error, not a hang.
    expect(await runParley(['run', ARTICLE, '--output', '/proc/no-such-dir/run.txt'])).toMatchObject({
      code: 2,
      stderr: 'error: cannot write /proc/no-such-dir/run.txt: a directory on the way cannot be made there\n',
    });
  });

  it('Ctrl-C while trace files are being written: every file is written whole first, then the process ends by the signal', async () => {
    const { path, outcomes } = writeManyOutcomeScenario();
    const traces = join(dir, 'traces');
    const output = join(dir, 'many.json');
    const child = startParley([
      'explore',
      path,
      '--horizon',
      '1',
      '--save-traces',
      traces,
      '--json',
      '--output',
      output,
    ]);
    // Interrupt as soon as the first trace file appears: the writes are under way.
    const appeared = whenFirstEntryAppears(dir, 'traces');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let seenWhenInterrupted = -1;
    void appeared.names.then((names) => {
      seenWhenInterrupted = names.filter((n) => n.endsWith('.trace.json')).length;
      child.kill('SIGINT');
    });
    const { code, signal } = await exited;
    appeared.stop();

    const names = readdirSync(traces);
    expect(
      names.filter((n) => !n.endsWith('.trace.json')),
      'temporary files left behind',
    ).toEqual([]);
    for (const name of names)
      expect(JSON.parse(readFileSync(join(traces, name), 'utf8'))).toMatchObject({ parley: 'trace', version: 1 });
    if (seenWhenInterrupted >= 0 && seenWhenInterrupted < outcomes) {
      // The signal came mid-write: it was held until every file was whole, then ended the process.
      expect(signal).toBe('SIGINT');
      expect(names).toHaveLength(outcomes);
    } else {
      expect(code).toBe(0);
    }
    if (existsSync(output)) expect(JSON.parse(readFileSync(output, 'utf8')).type).toBe('explore');
  });

  it('Ctrl-C during a search: the process ends at once and writes nothing', async () => {
    const traces = join(dir, 'never');
    // On a terminal, so that the progress line shows when the search is under way; Ctrl-C is then
    // typed there, and the terminal sends SIGINT.
    const child = startOnTerminal([
      'explore',
      BIG,
      ...CAP,
      '--save-traces',
      traces,
      '--output',
      join(dir, 'never.txt'),
    ]);
    let sent = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!/searching/.test(sent) && /searching/.test((sent += chunk))) child.stdin.write('\x03');
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(sent).toMatch(/searching +[\d,]+ states/);
    // `script` ends as its command did: 128 + 2 when SIGINT ended it.
    expect(code).toBe(128 + constants.signals.SIGINT);
    expect(existsSync(traces)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('never') || n.startsWith('.never'))).toEqual([]);
  });
});

/**
 * Watches for a directory `name` in `parent` (not there yet) and resolves `names` with its entries
 * as soon as it has any: an event from the file system, not a poll.
 */
function whenFirstEntryAppears(parent: string, name: string): { names: Promise<string[]>; stop: () => void } {
  const path = join(parent, name);
  const watchers: FSWatcher[] = [];
  const stop = () => watchers.splice(0).forEach((w) => w.close());
  const names = new Promise<string[]>((resolve) => {
    const look = () => {
      const found = existsSync(path) ? readdirSync(path) : [];
      if (found.length > 0) {
        stop();
        resolve(found);
      }
    };
    let watching = false;
    const watchInside = () => {
      if (watching || !existsSync(path)) return;
      watching = true;
      watchers.push(watch(path, look));
      // Entries made before the watch began send no event.
      look();
    };
    watchers.push(watch(parent, (_event, file) => file === name && watchInside()));
    watchInside();
  });
  return { names, stop };
}

/**
 * Five parties that each climb five stances (one event a step, never back: no cycles, so solving
 * is quick) and 1,000 outcomes (the most a file may have), each one combination of stances: 1,000
 * trace files to write.
 */
function writeManyOutcomeScenario(): { path: string; outcomes: number } {
  const parties: Record<string, unknown> = {};
  const events: Record<string, unknown> = {
    start: { kind: 'historical', day: 0, summary: 'Start.', cites: ['P1'], quote: 'q' },
  };
  for (let p = 0; p < 5; p++) {
    const stances = Object.fromEntries(
      Array.from({ length: 5 }, (_, s) => [
        `s${s}`,
        { defines: `step ${s}`, cites: ['P1'], on: s < 4 ? { [`p${p}-up`]: `s${s + 1}` } : {} },
      ]),
    );
    parties[`p${p}`] = { name: `Party ${p}`, cites: ['P1'], initial: 's0', stances };
    events[`p${p}-up`] = { kind: 'hypothetical', likelihood: 0.5, summary: 'up', cites: ['P1'], quote: 'q' };
  }
  const outcomes = 1000;
  const outcomeData: Record<string, unknown> = {};
  for (let i = 0; i < outcomes; i++) {
    const stance = Object.fromEntries(Array.from({ length: 5 }, (_, p) => [`p${p}`, `s${Math.floor(i / 5 ** p) % 5}`]));
    outcomeData[`o${i}`] = { means: `combination ${i}`, cites: ['P1'], when: { stance } };
  }
  const data = {
    parley: 1,
    title: 'many outcomes',
    source: { title: 'generated', paragraphs: ['P1'] },
    parties,
    events,
    outcomes: outcomeData,
    timeline: ['start'],
  };
  const path = join(dir, 'many-outcomes.yaml');
  // One entry a line: a file's lines are at most 65,536 characters.
  writeFileSync(path, JSON.stringify(data, null, 1));
  return { path, outcomes };
}
