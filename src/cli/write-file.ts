import {
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getTemporaryPath, removeStaleTemporaries } from './temporary-file.js';

/** An output file that could not be written: a usage problem (exit 2), reported without a stack. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
}

/**
 * Writes a file so that it is either whole or absent: into a temporary file beside it (see
 * `getTemporaryPath`), then renamed over the target (a rename within a directory is atomic). A
 * symbolic link is written through, dangling or not: the file it names (made if it is missing) is
 * replaced and the link stays, as a shell's `>` does. A device, FIFO or socket (`/dev/null`,
 * `/dev/stdout`) is written directly, never replaced. Temporary files left in that directory by a
 * run that was killed are removed first. Throws `OutputWriteError`.
 */
export function writeFileAtomically(target: string, text: string): void {
  let path: string;
  try {
    // The kernel follows the links, those of /proc (`/dev/stdout` on a pipe) included, whose text
    // names no path.
    const kind = statSync(target, { throwIfNoEntry: false });
    if (kind && !kind.isFile() && !kind.isDirectory()) {
      writeFileSync(target, text);
      return;
    }
    path = resolveLinks(target);
  } catch (cause) {
    throw new OutputWriteError(`cannot write ${target}: ${describeWriteError(cause)}`);
  }
  const temporary = getTemporaryPath(path);
  try {
    makeDirectories(dirname(path));
    removeStaleTemporaries(dirname(path));
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

/** Links followed before a path is taken to loop, as Linux's own limit (ELOOP). */
const MAX_LINKS = 40;

/**
 * Returns the path a write to `target` lands on: the file at the end of its symbolic links, which
 * need not exist (a dangling link names the file to make). Throws ELOOP for links in a cycle.
 */
function resolveLinks(target: string): string {
  let path = target;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const kind = lstatSync(path, { throwIfNoEntry: false });
    if (!kind) return path;
    if (!kind.isSymbolicLink()) return realpathSync(path);
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function describeWriteError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOENT') return 'a directory on the way cannot be made there';
  if (code === 'ELOOP') return 'its symbolic links go round in a circle';
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
