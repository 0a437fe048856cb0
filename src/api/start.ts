import type { HorizonOptions } from '../engine/horizon.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { OnProgress } from '../explore/progress.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { getQuestionModel } from '../run/question-model.js';
import { resolveStart, type Start, type StartPoint } from '../run/start-point.js';
import { getDefaultMaxStates } from '../runtime/default-max-states.js';
import { assertCheckedScenario, type Scenario } from './scenario.js';

/**
 * Where a question starts, as library callers write it: a timeline event's id (right after it),
 * `{ day }` (as of that day), or nothing (the end of the timeline).
 */
export type From = string | { readonly day: number } | undefined;

/** How far ahead to look: a number of days, or days and a limit on hypothetical events. */
export type Within = number | { readonly days?: number; readonly events?: number } | undefined;

/** Where a question starts, how far it looks, and how many joint states it may search. */
export interface QuestionOptions {
  /** Where the question starts: right after a timeline event (its id), as of `{ day }`, or, absent, at the end of the timeline. */
  readonly from?: From;
  /**
   * Timeline events taken out: the question asks of the timeline as it would have gone without
   * them (each later event still happens where its `requires` holds; `start.lost` lists those that no longer can).
   */
  readonly without?: readonly string[];
  /** How far ahead it looks: days, the start day included, or `{ days, events }` (absent: 30 days, any number of events). */
  readonly within?: Within;
  /** Stop after this many joint states (by default sized to this machine, as on the command line: see `getDefaultMaxStates`). */
  readonly maxStates?: number;
  /** Asked now and then; once it returns true the answer is given from what was searched (marked `stopped`). */
  readonly shouldStop?: () => boolean;
  /**
   * Told now and then how the work goes: its phase (`searching`, `solving`, `reporting`, ...), the
   * units done and, where known in advance, their total (a progress display; see `ProgressReport`).
   */
  readonly onProgress?: OnProgress;
}

/** Returns the start point a `From` names, in the timeline without `without`'s events. Pure. */
export function toStartPoint(from: From, without: readonly string[] = []): StartPoint {
  const taken = without.length > 0 ? { without: without as readonly EventId[] } : {};
  if (from === undefined) return { kind: 'end', ...taken };
  if (typeof from === 'string') return { kind: 'after-event', event: from as EventId, ...taken };
  return { kind: 'day', day: from.day, ...taken };
}

/** Returns the horizon options a `Within` names. Pure. */
export function toHorizonOptions(within: Within): HorizonOptions {
  if (within === undefined) return {};
  if (typeof within === 'number') return { horizonDays: within };
  return {
    ...(within.days !== undefined && { horizonDays: within.days }),
    ...(within.events !== undefined && { maxEvents: within.events }),
  };
}

/** Thrown when `from` names no point of the timeline, or `without` an event not in it; `about` says which. */
export class StartError extends Error {
  override name = 'StartError';
  constructor(
    message: string,
    readonly about: 'from' | 'without' = 'from',
  ) {
    super(message);
  }
}

/** Returns the resolved start of a question (in the timeline without `without`'s events), or throws `StartError`. Pure. */
export function getStart(scenario: Scenario, from: From, without?: readonly string[]): Start {
  assertCheckedScenario(scenario, 'parley');
  const start = resolveStart(scenario.model, toStartPoint(from, without));
  if ('error' in start) throw new StartError(start.error, start.about);
  return start;
}

/**
 * Returns a question's start and the model it asks of there (`getQuestionModel`: the alternatives
 * of historical events that have not happened). Throws `StartError` for an unknown start. Pure.
 */
export function getQuestionStart(
  scenario: Scenario,
  options: Pick<QuestionOptions, 'from' | 'without'>,
): { readonly model: Model; readonly start: Start } {
  const start = getStart(scenario, options.from, options.without);
  return { model: getQuestionModel(scenario.model, start.history), start };
}

/**
 * Returns a library question's start, the model it asks of there (`getQuestionModel`: the
 * alternatives of historical events that have not happened), and its horizon and search limits as
 * the pipeline takes them, with the default state limit filled in. Throws `StartError` for an
 * unknown start.
 */
export function getQuestionSettings(
  scenario: Scenario,
  options: QuestionOptions,
): { readonly model: Model; readonly start: Start; readonly settings: HorizonOptions & SearchLimits } {
  return {
    ...getQuestionStart(scenario, options),
    settings: {
      ...toHorizonOptions(options.within),
      maxStates: options.maxStates ?? getDefaultMaxStates(),
      ...(options.shouldStop && { shouldStop: options.shouldStop }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    },
  };
}
