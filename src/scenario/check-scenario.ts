import type { LineCounter } from 'yaml';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { locateProblems, parseScenario, type BaseScenario } from '../model/load.js';
import type { Model } from '../model/model.js';
import type { SourceMap } from '../model/source-map.js';
import { replayTimeline } from '../run/replay-timeline.js';
import { checkElementNotes } from '../analysis/element-notes.js';
import type { ExtendedBase, SourceText } from './read-base.js';

/** A scenario's text, checked: the model when nothing is wrong, and every diagnostic found. */
export interface CheckedScenario {
  /** The file name diagnostics are reported against. */
  readonly file: string;
  /** The scenario's YAML text, as read. */
  readonly text: string;
  /** The validated model; absent when any diagnostic is an error. */
  readonly model?: Model;
  /** Every problem found, errors and warnings (`[]` when none): the text's own, then the timeline replay's. */
  readonly diagnostics: readonly Diagnostic[];
  /** Locates data paths of the text: where a model node was written. */
  readonly sourceMap: SourceMap;
  /** Turns the spans' offsets into lines and columns, for the edge that renders them. */
  readonly lineCounter: LineCounter;
  /** The texts of the scenarios it extends, by file, for diagnostics located in them. */
  readonly sources?: ReadonlyMap<string, SourceText>;
  /** The scenario it extends, to locate what this file does not hold. */
  readonly base?: BaseScenario;
}

/**
 * Parses, validates and replays a scenario's text: the schema, the references, and then the
 * timeline, whose events must each be enabled where they happen. Pure.
 */
export function checkScenarioText(text: string, file: string, extended?: ExtendedBase): CheckedScenario {
  const parsed = parseScenario(text, extended?.base);
  const base = {
    file,
    text,
    sourceMap: parsed.sourceMap,
    lineCounter: parsed.lineCounter,
    ...(extended && { sources: extended.sources }),
    ...(extended?.base && { base: extended.base }),
  };
  if (extended && extended.diagnostics.length > 0)
    return {
      ...base,
      diagnostics: [...parsed.diagnostics.filter((d) => d.code === 'yaml-syntax'), ...extended.diagnostics],
    };
  if (!parsed.model) return { ...base, diagnostics: parsed.diagnostics };
  const replayProblems = locateProblems(
    [...replayTimeline(parsed.model).problems, ...checkElementNotes(parsed.model)],
    parsed.sourceMap,
    extended?.base,
  );
  const diagnostics = [...parsed.diagnostics, ...replayProblems];
  if (hasErrors(diagnostics)) return { ...base, diagnostics };
  return { ...base, diagnostics, model: parsed.model };
}
