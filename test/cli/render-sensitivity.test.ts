import { describe, expect, it } from 'vitest';
import { analyseSensitivity } from '../../src/analysis/sensitivity.js';
import { describeTornadoRow, hasNoEffect, type TornadoRow } from '../../src/analysis/tornado-row.js';
import { renderSensitivity } from '../../src/cli/render-sensitivity.js';
import { PLAIN } from '../../src/report/colors.js';
import { resolveStart } from '../../src/run/start-point.js';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

const row = (swing: number): TornadoRow => ({
  kind: 'likelihood',
  event: 'e' as never,
  atLow: 0.5,
  atHigh: 0.5 + swing,
  swing,
});

describe('a tornado row that moves nothing', () => {
  it('is one whose swing is within the two error bounds, the rule diff and ablate use', () => {
    expect(hasNoEffect(row(0), 0)).toBe(true);
    expect(hasNoEffect(row(1e-13), 0)).toBe(true);
    expect(hasNoEffect(row(1.5e-11), 7e-12)).toBe(true);
    expect(hasNoEffect(row(1e-9), 7e-12)).toBe(false);
    expect(hasNoEffect(row(0.01), 7e-12)).toBe(false);
  });

  it('draws no block, and says "no effect"; every other row draws at least one', () => {
    const model = loadModel(ARTICLE);
    const start = resolveStart(model, { kind: 'end' });
    if ('error' in start) throw new Error(start.error);
    const result = analyseSensitivity(model, start, { maxStates: 1_000_000 });
    expect(result.errorBound).toBeGreaterThan(0);
    expect(result.errorBound).toBeLessThan(1e-9);
    const lines = renderSensitivity(result, PLAIN).split('\n');
    let none = 0;
    for (const o of result.outcomes)
      for (const t of o.tornado.slice(0, 8)) {
        const heading = lines.indexOf(lines.find((l) => l.startsWith(`${o.id}: `)) as string);
        const line = lines.slice(heading).find((l) => l.startsWith(`   ${describeTornadoRow(t)} `)) as string;
        if (hasNoEffect(t, result.errorBound)) {
          none++;
          expect(line).toMatch(/ no effect$/);
          expect(line).not.toContain('█');
        } else expect(line).toMatch(/ █+$/);
      }
    expect(none).toBeGreaterThan(0);
  });

  it('reads so on the command line (a deadline nothing moves)', async () => {
    const result = await runParley(['sensitivity', 'test/fixtures/deadline.yaml']);
    expect(result.code).toBe(0);
    expectGolden('analyses/sensitivity-no-effect.txt', result.stdout);
  });
});
