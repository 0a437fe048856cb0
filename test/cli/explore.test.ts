import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, DEADLINE, HARBOUR } from '../helpers/scenarios.js';
import { generateLargeScenario } from '../../bench/generated-models.js';
import { ESTIMATIVE_BANDS } from '../../src/model/estimative.js';

describe('parley explore', () => {
  it('reports every outcome of the article: status, exact probability, a shortest path with its sources', async () => {
    const result = await runParley(['explore', ARTICLE]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('exhaustive.');
    expectGolden('explore/article.txt', result.stdout);
  });

  it('prints one JSON object with --json, the same data as the text', async () => {
    const { code, stdout } = await runParley(['explore', ARTICLE, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      type: 'explore',
      search: { exhaustive: true },
      horizon: { days: 30, endDay: 29, maxEvents: null, likelihoodWindow: 7 },
    });
    expect(result.outcomes.map((o: { id: string }) => o.id)).toEqual([
      'ceasefire',
      'trilateral-summit',
      'bilateral-summit',
      'raised-level-istanbul-talks',
      'humanitarian-track-only',
      'summit-backfires',
      'stalemate',
    ]);
    const trilateral = result.outcomes[1];
    expect(trilateral.witness.steps).toContainEqual({
      move: 'architecture-established',
      day: 0,
      summary: expect.any(String),
      cites: ['P7', 'P8', 'P9'],
      quote: 'waiting for “security guarantees architecture” to be established',
    });
    expect(trilateral.witness.probability).toBeGreaterThan(0);
    expect(trilateral.probabilityBounds).toEqual([trilateral.probability, trilateral.probability]);
  });

  it('says "not found within N states", never "unreachable", when --max-states cuts the search', async () => {
    const { code, stdout } = await runParley(['explore', ARTICLE, '--max-states', '100']);
    expect(code).toBe(0);
    expect(stdout).toContain('cut at --max-states 100');
    expect(stdout).toContain('not found within');
    expect(stdout).not.toMatch(/\bunreachable\b/);
    expect(stdout).toMatch(
      /\nDead ends: (none|[\d,]+ states) among the [\d,]+ states expanded before the search was cut \(there may be more\)/,
    );
  });

  it('prints "unreachable" after an exhaustive search that finds no path', async () => {
    const { stdout } = await runParley(['explore', ARTICLE, '--max-events', '1']);
    expect(stdout).toMatch(/trilateral-summit +unreachable/);
  });

  it('starts from a timeline event with --from and refuses an unknown one', async () => {
    const ok = await runParley(['explore', ARTICLE, '--from', 'window-set', '--horizon', '12', '--json']);
    expect(JSON.parse(ok.stdout).start.history.at(-1)).toBe('window-set');
    const bad = await runParley(['explore', ARTICLE, '--from', 'window-sett']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "window-set"?');
    expect((await runParley(['explore', ARTICLE, '--from', 'window-set', '--at', '3'])).code).toBe(2);
    expect((await runParley(['explore', ARTICLE, '--horizon', '0'])).code).toBe(2);
  });

  it('refuses, with a message and exit 2, a model whose state space cannot be numbered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-huge-'));
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, JSON.stringify(generateLargeScenario(30, 5)));
    const result = await runParley(['explore', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: the joint state space .* is too large to number exactly/);
  });

  it('runs on the second negotiation', async () => {
    const { code, stdout } = await runParley(['explore', HARBOUR, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outcomes.map((o: { status: string }) => o.status)).toEqual([
      'reachable',
      'reachable',
      'reachable',
    ]);
  });
});

describe('a likelihood means what the file says, on the command line', () => {
  it('a one-event scenario per estimative word reproduces the word’s number within its window, to 1e-9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-words-'));
    for (const band of ESTIMATIVE_BANDS) {
      const path = join(dir, 'word.yaml');
      const event = {
        kind: 'hypothetical',
        likelihood: band.word,
        summary: 'e',
        cites: ['P1'],
        quote: 'q',
        set: { done: true },
      };
      writeFileSync(
        path,
        JSON.stringify({
          parley: 1,
          title: band.word,
          source: { title: 't', paragraphs: ['P1'] },
          facts: { done: { type: 'boolean', initial: false, describes: 'd', cites: ['P1'] } },
          parties: { x: { name: 'X', cites: ['P1'], initial: 's', stances: { s: { defines: 's', cites: ['P1'] } } } },
          events: { start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' }, e: event },
          outcomes: { done: { means: 'd', cites: ['P1'], when: { fact: { done: true } } } },
          timeline: ['start'],
        }),
      );
      const { code, stdout } = await runParley(['explore', path, '--horizon', '7', '--json']);
      expect(code).toBe(0);
      expect(Math.abs(JSON.parse(stdout).outcomes[0].probability - band.value), band.word).toBeLessThan(1e-9);
    }
  });
});

describe('traces replay everywhere', () => {
  it('every outcome’s saved witness replays in `parley run --trace` to the same joint state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-traces-'));
    const explored = JSON.parse((await runParley(['explore', ARTICLE, '--save-traces', dir, '--json'])).stdout);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(explored.outcomes.map((o: { id: string }) => `${o.id}.trace.json`).sort());
    for (const outcome of explored.outcomes) {
      const trace = JSON.parse(readFileSync(join(dir, `${outcome.id}.trace.json`), 'utf8'));
      expect(trace).toMatchObject({
        outcome: outcome.id,
        start: { kind: 'after-event', event: 'lavrov-any-formats' },
        key: outcome.witness.key,
      });
      const run = await runParley(['run', ARTICLE, '--trace', join(dir, `${outcome.id}.trace.json`), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const records = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const summary = records.at(-1);
      expect(summary.key).toBe(outcome.witness.key);
      expect(summary.outcomes).toContain(outcome.id);
    }
  });

  it('a trace saved with --max-events replays: its days pass while an urgent event waits for lack of events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-traces-'));
    const explored = await runParley(['explore', DEADLINE, '--max-events', '1', '--save-traces', dir, '--json']);
    const witness = JSON.parse(explored.stdout).outcomes[0].witness;
    expect(witness.moves).toEqual(['offer', '+1 day', '+1 day', '+1 day']);
    const path = join(dir, 'late-offer.trace.json');
    expect(JSON.parse(readFileSync(path, 'utf8')).horizon).toEqual({ days: 30, maxEvents: 1 });
    const run = await runParley(['run', DEADLINE, '--trace', path, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) as string).key).toBe(witness.key);

    // The same moves with no limit on events cannot happen: the deadline holds the day.
    const open = { ...JSON.parse(readFileSync(path, 'utf8')), horizon: { days: 30, maxEvents: null } };
    writeFileSync(path, JSON.stringify(open));
    const refused = await runParley(['run', DEADLINE, '--trace', path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the day cannot pass here: urgent event lapse is possible [impossible-move]');
  });

  it('a trace written before traces recorded their horizon still replays, within no horizon', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-traces-'));
    await runParley(['explore', ARTICLE, '--save-traces', dir]);
    const [name] = readdirSync(dir).filter((f) => f.endsWith('.trace.json'));
    const path = join(dir, name as string);
    const { horizon, ...older } = JSON.parse(readFileSync(path, 'utf8'));
    expect(horizon).toEqual({ days: 30, maxEvents: null });
    writeFileSync(path, JSON.stringify(older, null, 2));
    const run = await runParley(['run', ARTICLE, '--trace', path, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) as string).key).toBe(older.key);
  });

  it('refuses a trace whose moves go past its horizon, saying that time is up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-traces-'));
    await runParley(['explore', DEADLINE, '--max-events', '1', '--save-traces', dir]);
    const path = join(dir, 'late-offer.trace.json');
    const trace = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...trace, horizon: { days: 2, maxEvents: 1 } }, null, 2));
    const refused = await runParley(['run', DEADLINE, '--trace', path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/late-offer\.trace\.json:\d+:\d+: error: the day cannot pass here: time is up/);
  });

  it('refuses a trace that does not replay, pointing at the move', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-traces-'));
    const path = join(dir, 'bad.trace.json');
    writeFileSync(
      path,
      JSON.stringify(
        {
          parley: 'trace',
          version: 1,
          scenario: 'x',
          start: { kind: 'end' },
          moves: ['trilateral-held', 'no-such-event'],
          final: { day: 0, stances: {}, facts: {} },
          key: 'k',
        },
        null,
        2,
      ),
    );
    const unknown = await runParley(['run', ARTICLE, '--trace', path]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/bad\.trace\.json:\d+:\d+: error: unknown move "no-such-event"/);
    writeFileSync(
      path,
      JSON.stringify(
        {
          parley: 'trace',
          version: 1,
          scenario: 'x',
          start: { kind: 'end' },
          moves: ['trilateral-held'],
          final: { day: 0, stances: {}, facts: {} },
          key: 'k',
        },
        null,
        2,
      ),
    );
    const disabled = await runParley(['run', ARTICLE, '--trace', path]);
    expect(disabled.code).toBe(2);
    expect(disabled.stderr).toContain('event "trilateral-held" cannot happen here');
    expect(disabled.stdout).toBe('');
  });
});
