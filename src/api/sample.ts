import { sampleScenario, type SampleResult } from '../sample/sample-scenario.js';
import type { Scenario } from './scenario.js';
import type { OnProgress } from '../explore/progress.js';
import { validateOptions } from '../options/validate-options.js';
import { deepFreeze } from './deep-freeze.js';
import { SAMPLE_OPTIONS } from '../options/api-option-rules.js';
import { getQuestionStart, toHorizonOptions, type From, type Within } from './start.js';

/** What `sample` takes: how many runs from which seed, and the question's start and horizon. */
export interface SampleOptions {
  /** How many runs to sample (at least 1). */
  readonly runs: number;
  /** The seed, a string or a number: the same seed gives the same result, whatever `workers`. */
  readonly seed: string | number;
  /** Threads that sample (default 1: this one; with k, this one, between turns of its event loop, and k - 1 worker threads). The result does not depend on it. */
  readonly workers?: number;
  /** Where the runs start: right after a timeline event (its id), as of `{ day }`, or, absent, at the end of the timeline. */
  readonly from?: From;
  /** Timeline events taken out: the runs start in the timeline as it would have gone without them. */
  readonly without?: readonly string[];
  /** How far ahead they run: days, the start day included, or `{ days, events }` (absent: 30 days, any number of events). */
  readonly within?: Within;
  /** Told now and then how many runs are done: phase `sampling`, unit `runs`, of `runs` in all (a progress display). */
  readonly onProgress?: OnProgress;
  /** Asked now and then; once it returns true, sampling ends with the runs done so far (`stopped`). */
  readonly shouldStop?: () => boolean;
}

/** Samples the scenario by seeded Monte Carlo: the same result `parley sample --json` prints, deeply frozen. Rejects with `OptionError` for bad options. */
export async function sample(scenario: Scenario, options: SampleOptions): Promise<SampleResult> {
  validateOptions('sample', options, SAMPLE_OPTIONS, ['runs', 'seed']);
  const { model, start } = getQuestionStart(scenario, options);
  const { onProgress } = options;
  return deepFreeze(
    await sampleScenario(model, start, {
      runs: options.runs,
      seed: String(options.seed),
      workers: options.workers ?? 1,
      ...toHorizonOptions(options.within),
      ...(onProgress && {
        onProgress: (done: number) => onProgress({ phase: 'sampling', done, total: options.runs, unit: 'runs' }),
      }),
      ...(options.shouldStop && { shouldStop: options.shouldStop }),
    }),
  );
}
