import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { createSourceMap } from '../model/source-map.js';
import { checkScenarioText, type CheckedScenario } from './check-scenario.js';

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
  return checkScenarioText(text, path);
}

function describeReadError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (the file cannot be read)';
  if (cause instanceof TypeError) return 'the file is not valid UTF-8 text (expected a YAML scenario)';
  return `cannot read the file (${code ?? String(cause)})`;
}
