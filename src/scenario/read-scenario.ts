import { LineCounter, parseDocument } from 'yaml';
import { createSourceMap } from '../model/source-map.js';
import { dirname, relative, resolve } from 'node:path';
import { MAX_SCENARIO_BYTES, parseScenarioData } from '../model/load.js';
import { checkScenarioText, type CheckedScenario } from './check-scenario.js';
import { readExtendedBase } from './read-base.js';
import { readTextFile } from './read-text-file.js';

/**
 * Reads and checks a scenario file. A file that cannot be read (missing, a directory, no
 * permission, not UTF-8) gives a `file-unreadable` diagnostic, never an exception.
 */
export function readScenarioFile(path: string): CheckedScenario {
  const unreadable = (message: string): CheckedScenario => ({
    file: path,
    text: '',
    diagnostics: [{ code: 'file-unreadable', severity: 'error', message, span: { start: 0, end: 0 } }],
    sourceMap: createSourceMap(parseDocument('')),
    lineCounter: new LineCounter(),
  });
  const read = readTextFile(path, MAX_SCENARIO_BYTES);
  if ('error' in read) return unreadable(read.error);
  return checkScenarioTextAt(read.text, path, dirname(path));
}

/**
 * Checks a scenario's text, first reading what it extends (relative to `dir`). Reads files only
 * for `extends`.
 */
export function checkScenarioTextAt(text: string, file: string, dir: string): CheckedScenario {
  const peek = parseScenarioData(text);
  if (peek.data === undefined) return checkScenarioText(text, file);
  const extended = readExtendedBase(peek.data, dir, file, () => peek.sourceMap.spanOf(['extends']), [
    relative(process.cwd(), resolve(file)),
  ]);
  return checkScenarioText(text, file, extended.base || extended.diagnostics.length > 0 ? extended : undefined);
}
