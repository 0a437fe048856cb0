import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** An output file that could not be written: a usage problem (exit 2), reported without a stack. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
}

/**
 * Writes a file so that it is either whole or absent: into a temporary file beside it, then
 * renamed over the target (a rename within a directory is atomic). Throws `OutputWriteError`.
 */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (cause) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file was never made (its directory is not one).
    }
    throw new OutputWriteError(`cannot write ${path}: ${describeWriteError(cause)}`);
  }
}

function describeWriteError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? String(cause);
}
