import type { Diagnostic } from '../model/diagnostic.js';
import type { Model } from '../model/model.js';
import { resolveStart } from '../run/start-point.js';
import { replayTraceText } from '../trace/replay-trace.js';
import { parseTraceText } from '../trace/trace-file.js';
import type { InspectorSession } from './page/session.js';

/**
 * Turns a trace's text into the position the page opens at: the timeline events it starts after,
 * then its moves. Pure. The trace must replay exactly (as `parley run --trace` checks), else its
 * diagnostics are returned.
 */
export function getTraceSession(
  model: Model,
  text: string,
):
  | { trace: NonNullable<InspectorSession['trace']> }
  | { diagnostics: readonly Diagnostic[]; lineCounter: ReturnType<typeof parseTraceText>['lineCounter'] } {
  const replayed = replayTraceText(model, text);
  if (!('replay' in replayed)) return replayed;
  const parsed = parseTraceText(text, model);
  const trace = parsed.trace;
  const start = trace && resolveStart(model, trace.start);
  if (!trace || !start || 'error' in start) throw new Error('parley: a trace that replays must parse');
  return {
    trace: {
      base: start.history.length,
      whatIf: trace.moves,
      key: trace.key,
      maxEvents: trace.horizon?.maxEvents ?? null,
      name: trace.outcome ? `Trace to ${trace.outcome}` : 'Trace',
      ...(trace.start.without && { without: trace.start.without }),
    },
  };
}
