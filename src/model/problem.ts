import type { DiagnosticCode, Severity } from './diagnostic.js';

/** A path into the scenario file's data: mapping keys and list indexes. */
export type DataPath = readonly (string | number)[];

/**
 * A diagnostic before it is located: it names the place by its data path, and whether the key or
 * the value there is at fault. The loader turns paths into spans with the file's source map.
 */
export interface Problem {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path: DataPath;
  readonly at?: 'key' | 'value';
  readonly hint?: string;
  /** For `unknown-reference`: the id that is not declared. */
  readonly reference?: string;
  /** For `missing-key` at its parent's path: the key that is absent. */
  readonly missing?: string;
}

/** What a problem may say besides its code, place and message. */
type ProblemExtra = Pick<Problem, 'at' | 'hint' | 'reference' | 'missing'>;

/** Returns an error problem. Pure. */
export function error(code: DiagnosticCode, path: DataPath, message: string, extra: ProblemExtra = {}): Problem {
  return { code, severity: 'error', message, path, ...extra };
}

/** Returns a warning problem. Pure. */
export function warning(code: DiagnosticCode, path: DataPath, message: string, extra: ProblemExtra = {}): Problem {
  return { code, severity: 'warning', message, path, ...extra };
}

/** Renders a data path the way a reader finds it in the file: `parties.ukraine.stances`. */
export function formatPath(path: DataPath): string {
  if (path.length === 0) return 'the top level';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
