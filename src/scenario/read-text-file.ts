import { readFileSync, statSync } from 'node:fs';

/**
 * Reads a text file parley was pointed at (a scenario, a trace, a source text), or says why it
 * cannot: missing, a directory, not a regular file (a pipe would never end), larger than
 * `maxBytes`, unreadable, or not UTF-8. Never throws.
 */
export function readTextFile(path: string, maxBytes: number): { readonly text: string } | { readonly error: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { error: 'this is a directory (expected a file)' };
    if (!stat.isFile()) return { error: 'this is not a regular file' };
    if (stat.size > maxBytes)
      return {
        error: `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB (expected at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB)`,
      };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)) };
  } catch (cause) {
    return { error: describeReadError(cause) };
  }
}

/** Says why a file could not be read, for a person. */
export function describeReadError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (the file cannot be read)';
  if (cause instanceof TypeError) return 'the file is not valid UTF-8 text';
  return `cannot read the file (${code ?? String(cause)})`;
}
