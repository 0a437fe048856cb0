import type { LineCounter } from 'yaml';
import { getJointStateKey } from '../engine/serialise.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Model } from '../model/model.js';
import { replayAfter } from '../run/replay-moves.js';
import type { Replay } from '../run/replay-timeline.js';
import { getQuestionModel } from '../run/question-model.js';
import { resolveStart } from '../run/start-point.js';
import { getTraceHorizon, parseTraceText } from './trace-file.js';

/**
 * A trace replayed, with the model its moves were replayed in (where its start stands, an
 * alternative is a hypothetical event), or the diagnostics that stop it, located in the trace's text.
 */
export type TraceReplay =
  | { readonly replay: Replay; readonly model: Model }
  | { readonly diagnostics: readonly Diagnostic[]; readonly lineCounter: LineCounter };

/**
 * Replays a trace's text: the timeline up to its start, then its moves, each through the one
 * `step` and checked against the moves possible within the trace's horizon. Pure. Fails (with
 * located diagnostics) on a malformed trace, a move that cannot happen where it is, or a trace that
 * ends in another joint state than it recorded.
 */
export function replayTraceText(model: Model, text: string): TraceReplay {
  const parsed = parseTraceText(text, model);
  const whole = { start: 0, end: 0 };
  const fail = (diagnostics: readonly Diagnostic[]) => ({ diagnostics, lineCounter: parsed.lineCounter });
  if (!parsed.trace) return fail(parsed.diagnostics);
  const trace = parsed.trace;
  const start = resolveStart(model, trace.start);
  if ('error' in start)
    return fail([{ code: 'unknown-reference', severity: 'error', message: start.error, span: whole }]);
  const question = getQuestionModel(model, start.history);
  const replay = replayAfter(question, start, trace.moves, getTraceHorizon(trace, start.joint.day));
  if (replay.problems.length > 0) {
    // A trace from before traces recorded their horizon is checked with no limit on events.
    const hint = trace.horizon
      ? {}
      : {
          hint: 'this trace records no horizon, so its moves are checked with no last day and no limit on events; save it again with `parley explore --save-traces`',
        };
    return fail(
      replay.problems.map((p) => ({
        code: p.code,
        severity: p.severity,
        message: p.message,
        span: p.path[0] === 'moves' ? parsed.locateMove(p.path[1] as number) : whole,
        ...hint,
      })),
    );
  }
  const key = getJointStateKey(model, replay.final);
  if (key !== trace.key) {
    const message = `the trace ends in a different joint state than it recorded (was the scenario changed since it was saved?); recorded ${trace.key}, replayed ${key}`;
    return fail([{ code: 'precondition-failed', severity: 'error', message, span: whole }]);
  }
  return { replay, model: question };
}
