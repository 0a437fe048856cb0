import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { createSourceMap } from '../model/source-map.js';
import { dirname, relative, resolve } from 'node:path';
import { parseScenarioData } from '../model/load.js';
import { checkScenarioText, type CheckedScenario } from './check-scenario.js';
import { readExtendedBase } from './read-base.js';

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
  let text: string;
  try {
    if (statSync(path).isDirectory()) return unreadable('this is a directory (expected a scenario file)');
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (cause) {
    return unreadable(describeReadError(cause));
  }
  return checkScenarioTextAt(text, path, dirname(path));
}

function describeReadError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (the file cannot be read)';
  if (cause instanceof TypeError) return 'the file is not valid UTF-8 text (expected a YAML scenario)';
  return `cannot read the file (${code ?? String(cause)})`;
}

/**
 * Checks a scenario's text, first reading what it extends (relative to `dir`). Reads files only
 * for `extends`.
 */
export function checkScenarioTextAt(text: string, file: string, dir: string): CheckedScenario {
  const peek = parseScenarioData(text);
  if (peek.data === undefined) return checkScenarioText(text, file);
  const extended = readExtendedBase(peek.data, dir, file, () => peek.sourceMap.spanOf(['extends']), [relative(process.cwd(), resolve(file))]);
  return checkScenarioText(text, file, extended.base || extended.diagnostics.length > 0 ? extended : undefined);
}
