import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The C compiler's flags for SPIN's verifier: exhaustive breadth-first storage of every state, no partial-order reduction. */
export const PAN_FLAGS = ['-O2', '-DNOREDUCE', '-DBFS', '-DSAFETY'];

/** What SPIN's verifier `pan` reports at the end of a search. */
export interface PanReport {
  /** Its "states, stored": the distinct states it found. */
  readonly statesStored: number;
  /** Its "transitions": one more than the moves, since it counts the start state as one. */
  readonly transitions: number;
  /** Its "State-vector" size, in bytes. */
  readonly stateVectorBytes: number;
  /** Its "total actual memory usage", in bytes (pan prints megabytes of 2^20 bytes). */
  readonly memoryBytes: number;
  /** Its "errors" count. */
  readonly errors: number;
}

/** A SPIN search timed from outside: the compile (spin -a, then cc) apart from the search (./pan). */
export interface SpinSearch extends PanReport {
  readonly compileMs: number;
  readonly searchMs: number;
  /** The log2 of the hash table's slots given to pan (`-w`). */
  readonly hashLog2: number;
}

/**
 * Returns the path of `command` on PATH, or undefined when none is an executable file. Reads the
 * file system; runs nothing.
 */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here: try the next directory
    }
  }
  return undefined;
}

/** Returns why SPIN cannot be run here (`spin` or `cc` missing from PATH), or undefined when it can. */
export function whySpinCannotRun(): string | undefined {
  const missing = ['spin', 'cc'].filter((command) => !findOnPath(command));
  return missing.length === 0 ? undefined : `${missing.join(' and ')} not on PATH`;
}

/**
 * Reads pan's closing report. Throws when a figure is missing, so that a changed output format
 * fails loudly rather than compares nothing. Pure.
 */
export function parsePanReport(output: string): PanReport {
  // Counts come with %9.8g (see isPanCount).
  const figure = (pattern: RegExp, what: string): number => {
    const match = pattern.exec(output);
    if (!match?.[1]) throw new Error(`pan's output has no ${what}:\n${output}`);
    return Number(match[1]);
  };
  const number = String.raw`(\d+(?:\.\d+)?(?:e\+\d+)?)`;
  return {
    statesStored: figure(new RegExp(String.raw`^\s*${number} states, stored`, 'm'), '"states, stored"'),
    transitions: figure(new RegExp(String.raw`^\s*${number} transitions`, 'm'), '"transitions"'),
    stateVectorBytes: figure(/State-vector (\d+) byte/, 'state-vector size'),
    memoryBytes:
      figure(new RegExp(String.raw`^\s*${number}\s+total actual memory usage`, 'm'), 'total memory') * 2 ** 20,
    errors: figure(/errors: (\d+)/, 'error count'),
  };
}

/**
 * True when `count` is what pan printed as `printed`: pan prints counts with %9.8g, exactly below
 * 10^8 and to 8 significant digits past it. Pure.
 */
export function isPanCount(printed: number, count: number): boolean {
  if (count < 1e8) return printed === count;
  return Math.abs(printed - count) <= 10 ** (Math.floor(Math.log10(count)) - 7) / 2;
}

/** Runs a command to completion, throwing with its output if it fails; returns its stdout and the wall time taken. */
function execute(command: string, args: string[], cwd: string): { stdout: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return { stdout: result.stdout, ms };
}

/**
 * Compiles `promela` into SPIN's verifier in a temporary directory (removed afterwards) and runs
 * its exhaustive breadth-first search `runs` times, with a hash table of at least `expectedStates`
 * slots and a memory limit of `memoryLimitMb`. Returns the compile time, the median search time
 * and pan's report; throws if a run fails, reports an error, or runs into the memory limit.
 */
export function runSpinSearch(promela: string, expectedStates: number, memoryLimitMb: number, runs = 1): SpinSearch {
  const dir = mkdtempSync(join(tmpdir(), 'parley-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), promela);
    const generate = execute('spin', ['-a', 'model.pml'], dir);
    const compile = execute('cc', [...PAN_FLAGS, `-DMEMLIM=${memoryLimitMb}`, '-o', 'pan', 'pan.c'], dir);
    const hashLog2 = Math.max(10, Math.ceil(Math.log2(expectedStates)));
    const searches = Array.from({ length: runs }, () => execute('./pan', ['-n', `-w${hashLog2}`], dir));
    const last = searches[searches.length - 1]!.stdout;
    if (/reached -DMEMLIM bound|out of memory/.test(last)) throw new Error(`pan ran out of memory:\n${last}`);
    const report = parsePanReport(last);
    if (report.errors !== 0) throw new Error(`pan found ${report.errors} errors:\n${last}`);
    const times = searches.map((s) => s.ms).sort((a, b) => a - b);
    return { ...report, compileMs: generate.ms + compile.ms, searchMs: times[times.length >> 1]!, hashLog2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns SPIN's version line (`spin -V`). */
export function getSpinVersion(): string {
  return execute('spin', ['-V'], tmpdir()).stdout.trim();
}
