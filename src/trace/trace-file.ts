import * as z from 'zod';
import type { LineCounter } from 'yaml';
import { getHorizon, OPEN_HORIZON, type Horizon } from '../engine/horizon.js';
import { DAY_PASSES, type Move } from '../engine/move.js';
import type { JointStateJson } from '../engine/serialise.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EventId, OutcomeId } from '../model/ids.js';
import { getModelIndex } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { findTooDeep, locateProblems } from '../model/load.js';
import { findTooManyEntries } from '../model/count-entries.js';
import { MAX_NESTING, MAX_TRACE_MOVES } from '../model/input-limits.js';
import { getYamlData, parseYamlText } from '../model/read-yaml.js';
import { error, type Problem } from '../model/problem.js';
import { getSchemaProblems } from '../model/schema-problems.js';
import { createSourceMap, EMPTY_SOURCE_MAP } from '../model/source-map.js';
import { didYouMean } from '../model/suggest.js';
import { DAYS } from '../options/question-option-rules.js';
import type { StartPoint } from '../run/start-point.js';

/**
 * A trace: a path of moves from a start point of a scenario's timeline, as `parley explore
 * --save-traces` writes it and `parley run --trace` replays it. `final` and `key` record where it
 * ended when it was saved, so a replay can prove it ends in the same joint state.
 */
export interface TraceFile {
  readonly parley: 'trace';
  readonly version: 1;
  readonly scenario: string;
  readonly outcome?: OutcomeId;
  readonly start: StartPoint;
  /**
   * The horizon the path was found within, from the start: its days (the start day included) and
   * its limit on hypothetical events. Its moves are checked against it when replayed; a trace
   * without one is replayed with no last day and no limit.
   */
  readonly horizon?: TraceHorizon;
  readonly moves: readonly Move[];
  readonly final: JointStateJson;
  readonly key: string;
}

/** A trace's horizon: days from its start, the start day included, and the most hypothetical events (null: any). */
export interface TraceHorizon {
  readonly days: number;
  readonly maxEvents: number | null;
}

/** The timeline events a trace's start takes out, as `--without` does. */
const WITHOUT = z.array(z.string()).optional();

const TraceSchema = z.strictObject({
  parley: z.literal('trace'),
  version: z.literal(1),
  scenario: z.string(),
  outcome: z.string().optional(),
  start: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('end'), without: WITHOUT }),
    z.strictObject({ kind: z.literal('after-event'), event: z.string(), without: WITHOUT }),
    z.strictObject({ kind: z.literal('day'), day: z.number().int(), without: WITHOUT }),
  ]),
  horizon: z
    .strictObject({
      days: DAYS.schema,
      maxEvents: z.number().int().min(0).nullable(),
    })
    .optional(),
  moves: z.array(z.string()),
  final: z.strictObject({
    day: z.number().int(),
    stances: z.record(z.string(), z.string()),
    facts: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])),
  }),
  key: z.string(),
});

export { formatTraceFile } from './format-trace.js';

/** A trace file's text, checked against its format and the scenario it is for. */
export interface ParsedTrace {
  readonly trace?: TraceFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly lineCounter: LineCounter;
  /** Locates a move of the trace, for diagnostics found while replaying it. */
  readonly locateMove: (index: number) => Diagnostic['span'];
}

/**
 * Parses a trace's text and checks that every move is an event of the model or a day passing.
 * Pure; linear in the text. A text too big to parse, aliases that expand too far, nesting deeper
 * than `MAX_NESTING` and more than `MAX_TRACE_MOVES` moves are refused before the moves are read.
 */
export function parseTraceText(text: string, model: Model): ParsedTrace {
  const read = parseYamlText(text, 'trace');
  const lineCounter = read.lineCounter;
  if ('refused' in read)
    return { lineCounter, locateMove: () => EMPTY_SOURCE_MAP.spanOf([]), diagnostics: [read.refused] };
  const doc = read.doc;
  const sourceMap = createSourceMap(doc);
  const base = { lineCounter, locateMove: (i: number) => sourceMap.spanOf(['moves', i]) };
  if (doc.errors.length > 0) {
    return {
      ...base,
      diagnostics: doc.errors.map((e) => ({
        code: 'yaml-syntax',
        severity: 'error',
        message: `not a valid trace file: ${e.message.split('\n')[0]}`,
        span: { start: Math.min(e.pos[0], text.length), end: Math.min(e.pos[1], text.length) },
      })),
    };
  }
  const content = getYamlData(doc, text.length);
  if ('diagnostic' in content) return { ...base, diagnostics: [content.diagnostic] };
  const data = content.data;
  const deep = findTooDeep(data, MAX_NESTING);
  const many = deep ? undefined : findTooManyEntries(data, [{ path: ['moves'], max: MAX_TRACE_MOVES }]);
  if (deep || many) {
    const message = many
      ? many.message
      : `mappings and lists are nested more than ${MAX_NESTING} deep here (expected a trace's shape)`;
    const span = many ? sourceMap.spanOf(many.path, 'key') : sourceMap.spanOf(deep as readonly (string | number)[]);
    return { ...base, diagnostics: [{ code: 'too-large', severity: 'error', message, span }] };
  }
  const parsed = TraceSchema.safeParse(data);
  if (!parsed.success)
    return {
      ...base,
      diagnostics: locateProblems(getSchemaProblems(TraceSchema, parsed.error.issues, data), sourceMap),
    };
  const events = getModelIndex(model).events;
  const problems: Problem[] = [];
  parsed.data.moves.forEach((move, i) => {
    if (move !== DAY_PASSES && !events.has(move as EventId)) {
      const hint = didYouMean(move, events.keys());
      problems.push(
        error(
          'unknown-reference',
          ['moves', i],
          `unknown move "${move}" (expected an event of the scenario or "${DAY_PASSES}")`,
          hint ? { hint } : {},
        ),
      );
    }
  });
  const start = parsed.data.start;
  if (start.kind === 'after-event' && !model.timeline.includes(start.event as EventId)) {
    problems.push(
      error('unknown-reference', ['start', 'event'], `"${start.event}" is not an event of the scenario's timeline`),
    );
  }
  start.without?.forEach((id, i) => {
    if (!model.timeline.includes(id as EventId))
      problems.push(
        error('unknown-reference', ['start', 'without', i], `"${id}" is not an event of the scenario's timeline`),
      );
  });
  if (parsed.data.outcome !== undefined && !getModelIndex(model).outcomes.has(parsed.data.outcome as OutcomeId)) {
    problems.push(error('unknown-reference', ['outcome'], `unknown outcome "${parsed.data.outcome}"`));
  }
  const diagnostics = locateProblems(problems, sourceMap);
  if (diagnostics.length > 0) return { ...base, diagnostics };
  return { ...base, diagnostics, trace: parsed.data as unknown as TraceFile };
}

/** Returns the horizon a trace's moves are checked against, from its start day. Pure. */
export function getTraceHorizon(trace: TraceFile, startDay: number): Horizon {
  if (!trace.horizon) return OPEN_HORIZON;
  return getHorizon(startDay, {
    horizonDays: trace.horizon.days,
    ...(trace.horizon.maxEvents !== null && { maxEvents: trace.horizon.maxEvents }),
  });
}
