import { join } from 'node:path';
import type { HorizonReport } from '../engine/horizon.js';
import type { Witness } from '../explore/witness.js';
import type { EventId, OutcomeId } from '../model/ids.js';
import type { StartPoint } from '../run/start-point.js';
import { formatTraceFile } from '../trace/trace-file.js';
import { withSignalsHeld } from './hold-signals.js';
import { writeFileAtomically } from './write-file.js';

/**
 * Writes paths as trace files `DIR/<name>.trace.json`, each whole or not at all (even on Ctrl-C), for `parley run
 * --trace` and `parley inspect --trace`. A trace names the timeline event it starts after (not "the
 * end"), so that it still replays if the timeline grows, and the horizon its moves were found within.
 */
export function saveTraces(
  dir: string,
  scenario: string,
  start: { readonly point: StartPoint; readonly history: readonly EventId[] },
  horizon: HorizonReport,
  traces: readonly { readonly name: string; readonly outcome?: OutcomeId; readonly witness: Witness }[],
): void {
  const last = start.history.at(-1);
  const point =
    start.point.kind === 'end' && last !== undefined
      ? { kind: 'after-event' as const, event: last, ...(start.point.without && { without: start.point.without }) }
      : start.point;
  const files = traces.map(({ name, outcome, witness }) => {
    const trace = {
      parley: 'trace' as const,
      version: 1 as const,
      scenario,
      ...(outcome && { outcome }),
      start: point,
      horizon: { days: horizon.days, maxEvents: horizon.maxEvents },
      moves: witness.moves,
      final: witness.final,
      key: witness.key,
    };
    return { path: join(dir, `${name}.trace.json`), text: formatTraceFile(trace) };
  });
  withSignalsHeld(() => {
    for (const { path, text } of files) writeFileAtomically(path, text);
  });
}
