import { MAX_SCENARIO_BYTES } from '../model/load.js';
import { readTextFile } from '../scenario/read-text-file.js';
import type { JointState } from '../engine/joint-state.js';
import type { Move } from '../engine/move.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { PLAIN } from '../report/colors.js';
import { renderDiagnostics } from '../report/render-diagnostics.js';
import { OPEN_HORIZON } from '../engine/horizon.js';
import { replayAfter } from '../run/replay-moves.js';
import { replayTimeline, type Replay, type TraceStep } from '../run/replay-timeline.js';
import { getQuestionModel } from '../run/question-model.js';
import { resolveStart, type Start } from '../run/start-point.js';
import { getRunRecords, type RunRecord } from '../run/trace-report.js';
import { replayTraceText } from '../trace/replay-trace.js';
import { assertCheckedScenario, type Scenario } from './scenario.js';
import { toStartPoint, type From } from './start.js';
import { validateOptions } from '../options/validate-options.js';
import { RUN_OPTIONS } from '../options/api-option-rules.js';

/** What `run` replays: the timeline (by default), a trace file, or the timeline up to `from` and then `moves`. */
export interface RunOptions {
  /** Replay this trace file (a path, as `parley explore --save-traces` writes them) instead of the timeline. */
  readonly trace?: string;
  /** Or: replay the timeline up to `from`, then these moves (event ids and `'+1 day'`, as plain strings). */
  readonly moves?: readonly (Move | string)[];
  /** Replay the timeline only up to here (right after this event, or as of `{ day }`), then `moves` if given. */
  readonly from?: From;
  /** Replay the timeline as it would have gone without these events (the summary lists those that no longer could happen). */
  readonly without?: readonly string[];
}

/** A replay: its records (as `parley run --json` prints them), its steps, and the joint state after any step. */
export interface RunResult {
  /** The replay as `parley run --json` prints it: a `scenario` record, a `step` per move, a `summary`. */
  readonly records: readonly RunRecord[];
  /** Each move replayed, in order, with the joint states on either side of it. */
  readonly steps: readonly TraceStep[];
  /** The joint state before the first move. */
  readonly initial: JointState;
  /** The joint state after the last move (`initial` when there is none). */
  readonly final: JointState;
  /**
   * Returns the joint state after a step: `0` is before the first event, `n` after the n-th
   * (negative numbers count from the end: `-1` is the last); an event id means right after that
   * event (its last occurrence). Throws for a step that does not exist.
   */
  at(step: number | string): JointState;
}

/** Thrown by `run` for a trace or moves that cannot be replayed; `message` says where and why. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

/**
 * Replays the scenario's timeline (by default), a trace file, or the timeline up to `from` and
 * then `moves`, through the one `step`. Throws `ReplayError` if a move cannot happen where it is.
 */
export function run(scenario: Scenario, options: RunOptions = {}): RunResult {
  validateOptions('run', options, RUN_OPTIONS);
  assertCheckedScenario(scenario, 'run');
  const { replay, model, start } = getReplay(scenario, options);
  return toRunResult(model, replay, start);
}

/** The replay `run` asks for, with the model it was replayed in (see `getQuestionModel`) and its start. */
function getReplay(scenario: Scenario, options: RunOptions): { replay: Replay; model: Model; start?: Start } {
  const { model } = scenario;
  if (options.trace !== undefined) {
    const read = readTextFile(options.trace, MAX_SCENARIO_BYTES);
    if ('error' in read)
      throw new ReplayError(`${options.trace}: error: cannot read the trace: ${read.error} [file-unreadable]`);
    const text = read.text;
    const result = replayTraceText(model, text);
    if ('replay' in result) return result;
    throw new ReplayError(
      renderDiagnostics({ file: options.trace, text, lineCounter: result.lineCounter }, result.diagnostics, PLAIN),
    );
  }
  if (options.moves === undefined && options.from === undefined && !options.without?.length)
    return { replay: replayTimeline(model), model };
  const start = resolveStart(model, toStartPoint(options.from, options.without));
  if ('error' in start) throw new ReplayError(`${start.about}: ${start.error}`);
  // Ids are plain strings where a user writes them; an unknown one is a replay problem, reported below.
  const moves = (options.moves ?? []) as readonly Move[];
  const question = getQuestionModel(model, start.history);
  const replay = replayAfter(question, start, moves, OPEN_HORIZON);
  if (replay.problems.length > 0)
    throw new ReplayError(
      replay.problems
        .map((p) => {
          const where = `${p.path[0] === 'moves' ? 'move' : 'timeline event'} ${(p.path[1] as number) + 1}`;
          return `${where}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
        })
        .join('\n'),
    );
  return { replay, model: question, start };
}

/**
 * Wraps a replay, made in `model`, as a `RunResult`, with the events a start `without` some took
 * out and lost. Pure.
 */
export function toRunResult(model: Model, replay: Replay, start?: Start): RunResult {
  const states = [replay.initial, ...replay.steps.map((s) => s.after)];
  return {
    records: getRunRecords(model, replay, start),
    steps: replay.steps,
    initial: replay.initial,
    final: replay.final,
    at(step) {
      if (typeof step === 'string') {
        const index = replay.steps.findLastIndex((s) => s.event === (step as EventId));
        if (index < 0)
          throw new RangeError(
            `no step "${step}" in this run (its events: ${replay.steps.map((s) => s.event).join(', ')})`,
          );
        return states[index + 1] as JointState;
      }
      const index = step < 0 ? states.length + step : step;
      const state = states[index];
      if (!Number.isInteger(step) || !state)
        throw new RangeError(`no step ${step} in this run (0 to ${states.length - 1}, or -1 to -${states.length})`);
      return state;
    },
  };
}
