// `--without EVENT` on the command line: run, explore, sample and diff of a counterfactual history,
// a trace saved from one that replays in `parley run`, and the mistakes a user can make with it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, ROOT } from '../helpers/scenarios.js';

const WALKOUT = join(ROOT, 'test', 'fixtures', 'counterfactual.yaml');

describe('parley with --without', () => {
  it('run replays the timeline without the event and names the events that no longer happen', async () => {
    const result = await runParley(['run', ARTICLE, '--without', 'us-pivots-to-peace-deal']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).not.toContain('us-pivots-to-peace-deal  (historical');
    expectGolden('counterfactual/run-article.txt', result.stdout);
  });

  it('explore answers from the end of the counterfactual timeline', async () => {
    const result = await runParley(['explore', ARTICLE, '--without', 'us-pivots-to-peace-deal']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expectGolden('counterfactual/explore-article.txt', result.stdout);
  });

  it('explore has the alternative of a historical event as a possible future', async () => {
    const result = await runParley(['explore', WALKOUT, '--without', 'walkout', '--horizon', '14']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/breakdown\s+reachable/);
    expectGolden('counterfactual/explore-walkout.txt', result.stdout);
  });

  it('sample samples the counterfactual', async () => {
    const args = ['sample', WALKOUT, '--without', 'walkout', '--horizon', '14', '--runs', '500', '--seed', '3'];
    const result = await runParley([...args, '--workers', '1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expectGolden('counterfactual/sample-walkout.txt', result.stdout);
  });

  it('diff with --without alone compares history with the counterfactual', async () => {
    // A relative path, as a user types it: the headers name the file.
    const result = await runParley(['diff', 'scenarios/article.yaml', '--without', 'us-pivots-to-peace-deal']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/stalemate .*became unreachable/);
    expectGolden('counterfactual/diff-article.txt', result.stdout);
  });

  it('saves traces that replay the counterfactual in parley run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-cf-'));
    const saved = await runParley(['explore', WALKOUT, '--without', 'walkout', '--save-traces', dir]);
    expect(saved.code).toBe(0);
    const trace = JSON.parse(readFileSync(join(dir, 'breakdown.trace.json'), 'utf8'));
    expect(trace.start).toEqual({ kind: 'after-event', event: 'talks-open', without: ['walkout'] });
    const replayed = await runParley(['run', WALKOUT, '--trace', join(dir, 'breakdown.trace.json')]);
    expect(replayed).toMatchObject({ code: 0, stderr: '' });
    expect(replayed.stdout).toContain('outcomes holding at the end: breakdown');
    // A trace whose start takes out an event the timeline lacks is refused where it says so.
    const bad = { ...trace, start: { ...trace.start, without: ['walkot'] } };
    writeFileSync(join(dir, 'bad.trace.json'), JSON.stringify(bad, null, 2));
    const refused = await runParley(['run', WALKOUT, '--trace', join(dir, 'bad.trace.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /bad\.trace\.json:\d+:\d+: error: "walkot" is not an event of the scenario's timeline/,
    );
  });

  it('refuses an event that is not in the timeline, and a start the counterfactual lost', async () => {
    const unknown = await runParley(['explore', WALKOUT, '--without', 'walkot']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(
      'error: --without: "walkot" is not an event of the timeline (did you mean "walkout"?); expected one of: talks-open, walkout, mediator-steps-in\n',
    );
    const lost = await runParley(['explore', WALKOUT, '--without', 'walkout', '--from', 'mediator-steps-in']);
    expect(lost).toMatchObject({ code: 2, stdout: '' });
    expect(lost.stderr).toBe(
      'error: --from: "mediator-steps-in" no longer happens without walkout, so no question can start after it\n',
    );
    const run = await runParley(['run', WALKOUT, '--without', 'deal']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('error: --without: "deal" is not an event of the timeline');
  });

  it('validate refuses an alternative on a hypothetical event and wants a rationale for one', async () => {
    const text = readFileSync(WALKOUT, 'utf8')
      .replace('        rationale: The report calls the walkout a surprise (P2).\n', '')
      .replace(
        '    likelihood:\n      value: likely',
        '    alternative: { likelihood: 0.5 }\n    likelihood:\n      value: likely',
      );
    const dir = mkdtempSync(join(tmpdir(), 'parley-cf-'));
    const file = join(dir, 'alternative.yaml');
    writeFileSync(file, text);
    const result = await runParley(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'hypothetical event "deal" has an alternative (expected one on historical events only',
    );
    const fixed = text.replace('    alternative: { likelihood: 0.5 }\n', '');
    writeFileSync(file, fixed);
    const warned = await runParley(['validate', file]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('the alternative of historical event "walkout" gives no rationale');
    expect(warned.stderr).toContain('[missing-rationale]');
  });
});
