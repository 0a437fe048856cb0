import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// `.NAME.parley-PID.tmp`: hidden, ending in `.tmp` (so that no `*.trace.json` or `*.txt` matches
// it), and naming the process that writes it, so that another run can tell a file in progress
// from one left by a run that was killed (SIGKILL cannot be held, see hold-signals.ts).
const TEMPORARY = /^\..+\.parley-(\d+)\.tmp$/;

/** Returns the temporary file that `path` is written to before it is renamed over it. Pure. */
export function getTemporaryPath(path: string, pid: number = process.pid): string {
  return join(dirname(path), `.${basename(path)}.parley-${pid}.tmp`);
}

const cleaned = new Set<string>();

/**
 * Removes from `directory` the temporary files of writers that are gone (a run killed while it
 * wrote), once per directory per process: a writer still running, this one included, keeps its
 * own. Returns the names removed. Cost: one listing of the directory. Never throws: a file that
 * cannot be listed or removed is left for the next run.
 */
export function removeStaleTemporaries(directory: string): string[] {
  if (cleaned.has(directory)) return [];
  cleaned.add(directory);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    try {
      rmSync(join(directory, name), { force: true });
      removed.push(name);
    } catch {
      // Another run removed it first, or this one may not: left as it is.
    }
  }
  return removed;
}

/** True when a process with this id exists (signal 0 tests for it without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it exists, but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
