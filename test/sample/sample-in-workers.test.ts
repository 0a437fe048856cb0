import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/compile/compiled-model.js';
import { getHorizon } from '../../src/engine/horizon.js';
import { toJointStateJson } from '../../src/engine/serialise.js';
import { resolveStart } from '../../src/run/start-point.js';
import { sampleInWorkers } from '../../src/sample/sample-in-workers.js';
import { RunSampler, sampleRuns } from '../../src/sample/sample-runs.js';
import { CHUNK_RUNS } from '../../src/sample/shared-runs.js';
import { summariseTally } from '../../src/sample/summarise.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

const model = loadModel(ARTICLE);
const start = resolveStart(model, { kind: 'end' });
if ('error' in start) throw new Error(start.error);
const horizon = getHorizon(start.joint.day, {});
const compiled = compileModel(model, start.joint.day, horizon);
const startKey = compiled.encode(start.joint);
const job = { model, start: toJointStateJson(model, start.joint), horizon, seed: 'threads' };
const here = () => () => new RunSampler(compiled, startKey, 'threads');

describe('runs shared out between this thread and worker threads', () => {
  it.each([2, 3])('add up to what one thread finds, on %i threads', async (threads) => {
    const runs = 6 * CHUNK_RUNS + 77;
    const progress: number[] = [];
    const tally = await sampleInWorkers(job, here(), runs, threads, (done) => progress.push(done));
    const alone = sampleRuns(compiled, startKey, 'threads', 0, runs);
    expect(tally.runs).toBe(runs);
    expect(summariseTally(compiled, tally)).toEqual(summariseTally(compiled, alone));
    expect(progress.at(-1)).toBe(runs);
    expect(progress.every((done, i) => i === 0 || done >= (progress[i - 1] as number))).toBe(true);
  });

  it('end once every run is done, without waiting for a worker that has none', async () => {
    // Two chunks: this thread may well do both before the worker has started.
    const runs = 2 * CHUNK_RUNS;
    const tally = await sampleInWorkers(job, here(), runs, 2);
    expect(summariseTally(compiled, tally)).toEqual(
      summariseTally(compiled, sampleRuns(compiled, startKey, 'threads', 0, runs)),
    );
  });

  it('stop every thread when asked, with the runs done by then', async () => {
    const runs = 10_000_000;
    const tally = await sampleInWorkers(job, here(), runs, 2, undefined, () => true);
    expect(tally.runs).toBeGreaterThan(0);
    expect(tally.runs).toBeLessThan(runs);
    for (const outcome of tally.outcomes) expect(outcome.hits).toBeLessThanOrEqual(tally.runs);
  });

  it('fail, and stop this thread, when a worker fails', async () => {
    const broken = { ...job, start: { day: job.start.day, stances: {}, facts: {} } };
    await expect(sampleInWorkers(broken, here(), 10_000_000, 2)).rejects.toThrow();
  });
});
