import { dirname, relative, resolve } from 'node:path';
import type { LineCounter } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { MAX_SCENARIO_BYTES, parseScenarioData, withoutExtends, type BaseScenario } from '../model/load.js';
import { readTextFile } from './read-text-file.js';
import { mergeOverlay } from '../model/merge-overlay.js';

/** A file's text and line index, to render diagnostics located in it. */
export interface SourceText {
  readonly text: string;
  readonly lineCounter: LineCounter;
}

/** What a scenario extends, read: the base, the texts of its files, and any problem reading them. */
export interface ExtendedBase {
  readonly base?: BaseScenario;
  readonly sources: ReadonlyMap<string, SourceText>;
  readonly diagnostics: readonly Diagnostic[];
}

/** How many scenarios may extend one another in a chain. */
const MAX_CHAIN = 16;

/**
 * Reads the scenario a text extends (`extends: path`, relative to `dir`), and what that one
 * extends in turn, merging each over the one below. Reports an unreadable base, YAML errors in it,
 * and a chain that comes back on itself, located at the `extends` that names it.
 */
export function readExtendedBase(
  data: unknown,
  dir: string,
  file: string,
  locateExtends: () => Diagnostic['span'],
  chain: readonly string[] = [],
): ExtendedBase {
  const target = getExtends(data);
  const sources = new Map<string, SourceText>();
  if (target === undefined) return { sources, diagnostics: [] };
  // Files are named as the user would type them: relative to the working directory.
  const path = relative(process.cwd(), resolve(dir, target)) || '.';
  const fail = (message: string, code: Diagnostic['code'] = 'file-unreadable'): ExtendedBase => ({
    sources,
    diagnostics: [{ code, severity: 'error', message, span: locateExtends(), file }],
  });
  if (chain.includes(path) || chain.length >= MAX_CHAIN)
    return fail(
      `"${target}" extends, in the end, this scenario itself (expected a chain of scenarios that ends)`,
      'extends-cycle',
    );
  const read = readTextFile(path, MAX_SCENARIO_BYTES);
  if ('error' in read) return fail(`cannot read "${target}", the scenario this one extends (${read.error})`);
  const text = read.text;
  const own = parseScenarioData(text);
  sources.set(path, { text, lineCounter: own.lineCounter });
  if (own.diagnostics.length > 0 || own.data === undefined)
    return { sources, diagnostics: own.diagnostics.map((d) => ({ ...d, file: path })) };
  const below = readExtendedBase(own.data, dirname(path), path, () => own.sourceMap.spanOf(['extends']), [
    ...chain,
    path,
  ]);
  for (const [name, source] of below.sources) sources.set(name, source);
  if (below.diagnostics.length > 0) return { sources, diagnostics: below.diagnostics };
  const ownData = withoutExtends(own.data);
  const base: BaseScenario = {
    data: below.base ? mergeOverlay(below.base.data, ownData) : ownData,
    locate: (dataPath, at) =>
      own.sourceMap.has(dataPath)
        ? { file: path, span: own.sourceMap.spanOf(dataPath, at) }
        : below.base?.locate(dataPath, at),
  };
  return { base, sources, diagnostics: [] };
}

function getExtends(data: unknown): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).extends : undefined;
  return typeof value === 'string' ? value : undefined;
}
