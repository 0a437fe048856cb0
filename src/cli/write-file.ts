import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** An output file that could not be written: a usage problem (exit 2), reported without a stack. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
}

/**
 * Writes a file so that it is either whole or absent: into a temporary file beside it, then
 * renamed over the target (a rename within a directory is atomic). A symbolic link is followed, so
 * that the file it names is replaced and the link stays; a device, FIFO or socket (`/dev/null`,
 * `/dev/stdout`) is written directly, never replaced. Throws `OutputWriteError`.
 */
export function writeFileAtomically(target: string, text: string): void {
  let path = target;
  try {
    path = realpathSync(target);
    const kind = statSync(path);
    if (!kind.isFile() && !kind.isDirectory()) {
      writeFileSync(path, text);
      return;
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    // A path that does not exist yet (or a dangling link) is made below; anything else is a failure.
    if (code !== 'ENOENT') throw new OutputWriteError(`cannot write ${target}: ${describeWriteError(cause)}`);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    makeDirectories(dirname(path));
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (cause) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file was never made (its directory is not one).
    }
    throw new OutputWriteError(`cannot write ${target}: ${describeWriteError(cause)}`);
  }
}

function describeWriteError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOENT') return 'a directory on the way cannot be made there';
  return code ?? String(cause);
}

/**
 * Makes a directory and its missing parents, one at a time: Node's `mkdirSync(..., { recursive:
 * true })` never returns under some kernel file systems (`/proc/nope`), while a plain mkdir fails.
 */
function makeDirectories(directory: string): void {
  const missing: string[] = [];
  for (let d = directory; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}
