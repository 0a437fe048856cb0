import type { LineCounter } from 'yaml';
import { getYamlDiagnostics } from './yaml-diagnostics.js';
import { hasErrors, type Diagnostic } from './diagnostic.js';
import { checkReferences } from './check-references.js';
import type { Model } from './model.js';
import { normaliseScenario } from './normalise.js';
import type { DataPath, Problem } from './problem.js';
import { mergeOverlay } from './merge-overlay.js';
import type { Span } from './diagnostic.js';
import { followsFromSalvage, salvageData } from './salvage.js';
import type * as z from 'zod';
import { SalvageSchema, ScenarioFileSchema } from './schema.js';
import { getSchemaProblems } from './schema-problems.js';
import { checkOptionForm, expandOptionForm } from './option-form/expand-option-form.js';
import { isOptionForm, OptionFormSchema } from './option-form/option-form-schema.js';
import { createSourceMap, EMPTY_SOURCE_MAP, withOrigins, type SourceMap } from './source-map.js';
import { MAX_NESTING, MAX_SCENARIO_ENTRIES } from './input-limits.js';
import { getYamlData, parseYamlText } from './read-yaml.js';
import { findTooManyEntries, type EntryLimit } from './count-entries.js';

export { MAX_NESTING, MAX_SCENARIO_BYTES } from './input-limits.js';

/** What reading a scenario's text gives: the model when there is no error, and every diagnostic. */
export interface ParsedScenario {
  /** The validated model, deeply frozen; absent when any diagnostic is an error. */
  readonly model?: Model;
  /** Every problem of the text, errors and warnings, in the order of their offsets (`[]` when none). */
  readonly diagnostics: readonly Diagnostic[];
  /** Locates data paths of this text; later checks (such as replaying the timeline) use it. */
  readonly sourceMap: SourceMap;
  /** Turns the spans' offsets into lines and columns, for the edge that renders them. */
  readonly lineCounter: LineCounter;
}

/**
 * A scenario that a text extends (`extends:`), already read: its data (itself merged with what it
 * extends), and where a data path of it lies, in which file.
 */
export interface BaseScenario {
  readonly data: unknown;
  readonly locate: (path: DataPath, at?: 'key' | 'value') => { readonly file: string; readonly span: Span } | undefined;
}

/**
 * Parses and validates a scenario's YAML text. Pure: it reads no file. Reports every problem of
 * the text at once, each with its span; `model` is present only when no problem is an error.
 */
export function parseScenario(text: string, base?: BaseScenario): ParsedScenario {
  const read = readScenarioData(text);
  if (!('data' in read)) return { ...read, diagnostics: sortBySpan([...read.diagnostics]) };
  const { lineCounter } = read;
  let { sourceMap, data } = read;
  const yamlDiagnostics = read.diagnostics;
  const result = (diagnostics: Diagnostic[], model?: Model): ParsedScenario => ({
    diagnostics: sortBySpan(diagnostics),
    sourceMap,
    lineCounter,
    ...(model && { model }),
  });
  if (base) data = mergeOverlay(base.data, withoutExtends(data));
  const locate = (problems: readonly Problem[]) => locateProblems(problems, sourceMap, base);
  if (isOptionForm(data)) {
    // The option form is checked as written, then expanded into the ordinary format, checked again.
    const form = OptionFormSchema.safeParse(data);
    if (!form.success)
      return result([...yamlDiagnostics, ...locate(getSchemaProblems(OptionFormSchema, form.error.issues, data))]);
    const problems = checkOptionForm(form.data);
    if (problems.length > 0) return result([...yamlDiagnostics, ...locate(problems)]);
    const expanded = expandOptionForm(form.data);
    data = expanded.data;
    sourceMap = withOrigins(sourceMap, expanded.origins);
  }
  const parsed = ScenarioFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = [
      ...getSchemaProblems(ScenarioFileSchema, parsed.error.issues, data),
      ...getSalvagedProblems(data, parsed.error.issues),
    ];
    return result([...yamlDiagnostics, ...locate(problems)]);
  }
  const diagnostics = [...yamlDiagnostics, ...locate(checkReferences(parsed.data))];
  if (hasErrors(diagnostics)) return result(diagnostics);
  return result(diagnostics, normaliseScenario(parsed.data));
}

/**
 * Checks the references of the parts of a file the schema accepted, so that one run reports both
 * kinds of mistake. What only follows from a part set aside is not reported: that part's own
 * error already is. A salvage the schema still rejects is salvaged again, a few times at most.
 */
function getSalvagedProblems(data: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  let salvage = salvageData(data, issues);
  for (let round = 0; salvage && round < 3; round++) {
    const reparsed = SalvageSchema.safeParse(salvage.data);
    if (reparsed.success) {
      const done = salvage;
      return checkReferences(reparsed.data).filter((p) => !followsFromSalvage(p, done));
    }
    salvage = salvageData(salvage.data, reparsed.error.issues, salvage);
  }
  return [];
}

/**
 * Returns the problems as diagnostics located in the text, or, for a path that only the scenario
 * it extends has, in that scenario's file. Pure.
 */
export function locateProblems(problems: readonly Problem[], sourceMap: SourceMap, base?: BaseScenario): Diagnostic[] {
  return problems.map((p) => {
    const inBase = base && !sourceMap.has(p.path) ? base.locate(p.path, p.at) : undefined;
    return {
      code: p.code,
      severity: p.severity,
      message: p.message,
      span: inBase ? inBase.span : sourceMap.spanOf(p.path, p.at),
      ...(p.hint !== undefined && { hint: p.hint }),
      ...(inBase && { file: inBase.file }),
    };
  });
}

/** Returns the path to the first value nested deeper than `limit`, or undefined. Pure; iterative, so no input can exhaust the stack. */
export function findTooDeep(data: unknown, limit: number): DataPath | undefined {
  const stack: { value: unknown; path: DataPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: DataPath };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= limit) return path;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/** The data of a text without its `extends` key, which only says where its base is. Pure. */
export function withoutExtends(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const { extends: _extends, ...rest } = data as Record<string, unknown>;
  return rest;
}

/**
 * Reads the data of a scenario text for others to extend: its YAML diagnostics, or its data and
 * source map. Pure.
 */
export function parseScenarioData(text: string): {
  data?: unknown;
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  lineCounter: LineCounter;
} {
  const read = readScenarioData(text);
  // A duplicate key leaves data to check, but not data to extend.
  if ('data' in read && read.diagnostics.length > 0) {
    const { data: _data, ...rest } = read;
    return rest;
  }
  return read;
}

/** The limits on a scenario's collections, as `findTooManyEntries` takes them. */
const SCENARIO_ENTRY_LIMITS: readonly EntryLimit[] = MAX_SCENARIO_ENTRIES;

/**
 * Reads a scenario text into data, measuring it first: a text too big to parse, YAML syntax
 * errors, aliases that expand too far, nesting deeper than `MAX_NESTING` and collections past
 * their limits each end in diagnostics and no data. Duplicate keys, reserved keys and unsupported
 * tags leave a usable document: their diagnostics come with the data. Pure; linear in the text.
 */
function readScenarioData(text: string): {
  data?: unknown;
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  lineCounter: LineCounter;
} {
  const parsed = parseYamlText(text, 'scenario');
  const lineCounter = parsed.lineCounter;
  if ('refused' in parsed) return { diagnostics: [parsed.refused], sourceMap: EMPTY_SOURCE_MAP, lineCounter };
  const sourceMap = createSourceMap(parsed.doc);
  const diagnostics = getYamlDiagnostics(parsed.doc, text);
  const stop = (more: Diagnostic[] = []) => ({ diagnostics: [...diagnostics, ...more], sourceMap, lineCounter });
  if (diagnostics.some((d) => d.code === 'yaml-syntax' || d.code === 'too-large')) return stop();
  const read = getYamlData(parsed.doc, text.length);
  if ('diagnostic' in read) return stop([read.diagnostic]);
  const deep = findTooDeep(read.data, MAX_NESTING);
  if (deep)
    return stop([
      {
        code: 'too-large',
        severity: 'error',
        message: `mappings and lists are nested more than ${MAX_NESTING} deep here (expected a scenario's shape)`,
        span: sourceMap.spanOf(deep),
      },
    ]);
  const many = findTooManyEntries(read.data, SCENARIO_ENTRY_LIMITS);
  if (many)
    return stop([
      { code: 'too-large', severity: 'error', message: many.message, span: sourceMap.spanOf(many.path, 'key') },
    ]);
  return { data: read.data, diagnostics, sourceMap, lineCounter };
}

function sortBySpan(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}
