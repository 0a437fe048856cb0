// -o FILE and --save-traces DIR: through symbolic links (dangling or not) and after a run killed
// while it wrote. The killed writer is a process that made its temporary file and was then sent
// SIGKILL, the state a kill between the write and the rename leaves, reached here every time.
import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getTemporaryPath, removeStaleTemporaries } from '../../src/cli/temporary-file.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE, ROOT } from '../helpers/scenarios.js';

const printed = (await runParley(['run', ARTICLE])).stdout;
const fresh = () => mkdtempSync(join(tmpdir(), 'parley-write-'));

describe('-o through a symbolic link writes the file it names and keeps the link', () => {
  it('a dangling link: its target is made (its directory too), the link stays', async () => {
    const dir = fresh();
    symlinkSync('target.txt', join(dir, 'link.txt'));
    symlinkSync(join('sub', 'deeper', 'target.txt'), join(dir, 'into-missing.txt'));
    for (const [link, target] of [
      ['link.txt', 'target.txt'],
      ['into-missing.txt', join('sub', 'deeper', 'target.txt')],
    ] as const) {
      expect(await runParley(['run', ARTICLE, '-o', join(dir, link)])).toMatchObject({ code: 0, stdout: '' });
      expect(lstatSync(join(dir, link)).isSymbolicLink(), link).toBe(true);
      expect(readlinkSync(join(dir, link))).toBe(target);
      expect(readFileSync(join(dir, target), 'utf8')).toBe(printed);
    }
  });

  it('a chain of links, the last dangling, ends at the file the last one names', async () => {
    const dir = fresh();
    symlinkSync('second.txt', join(dir, 'first.txt'));
    symlinkSync(join(dir, 'target.txt'), join(dir, 'second.txt'));
    expect((await runParley(['run', ARTICLE, '-o', join(dir, 'first.txt')])).code).toBe(0);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe(printed);
    expect(readdirSync(dir).sort()).toEqual(['first.txt', 'second.txt', 'target.txt']);
  });

  it('links in a circle: exit 2, a message, no stack trace, nothing written', async () => {
    const dir = fresh();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const path = join(dir, 'a');
    expect(await runParley(['run', ARTICLE, '-o', path])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: cannot write ${path}: its symbolic links go round in a circle\n`,
    });
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
  });
});

/** Starts a process that makes `path`'s temporary file as the writer would and waits; returns it once the file is there. */
async function startWriter(path: string) {
  const module = pathToFileURL(join(ROOT, 'dist', 'cli', 'temporary-file.js')).href;
  const script = `
    const { getTemporaryPath } = await import(${JSON.stringify(module)});
    (await import('node:fs')).writeFileSync(getTemporaryPath(${JSON.stringify(path)}), 'half a fi');
    console.log('written');
    setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`the writer exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { pid: child.pid as number, kill: () => (child.kill('SIGKILL'), exited) };
}

describe('temporary files of a run killed while it wrote', () => {
  it('are named so that no output pattern matches them, with the writer’s pid', () => {
    expect(getTemporaryPath('/out/run.txt', 4321)).toBe('/out/.run.txt.parley-4321.tmp');
    expect(getTemporaryPath('traces/deal.trace.json', 7)).toBe('traces/.deal.trace.json.parley-7.tmp');
  });

  it('are removed by the next run that writes there; a writer still running keeps its own', async () => {
    const dir = fresh();
    const killed = await startWriter(join(dir, 'run.txt'));
    const killedTrace = await startWriter(join(dir, 'deal.trace.json'));
    const running = await startWriter(join(dir, 'other.txt'));
    try {
      await killed.kill();
      await killedTrace.kill();
      const before = readdirSync(dir).sort();
      expect(before).toEqual(
        [
          `.deal.trace.json.parley-${killedTrace.pid}.tmp`,
          `.other.txt.parley-${running.pid}.tmp`,
          `.run.txt.parley-${killed.pid}.tmp`,
        ].sort(),
      );
      // Never mistaken for output: what a killed run leaves is hidden and ends in .tmp.
      expect(before.filter((name) => !/^\..+\.parley-\d+\.tmp$/.test(name))).toEqual([]);

      expect((await runParley(['run', ARTICLE, '-o', join(dir, 'run.txt')])).code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([`.other.txt.parley-${running.pid}.tmp`, 'run.txt']);
      expect(readFileSync(join(dir, 'run.txt'), 'utf8')).toBe(printed);
    } finally {
      await running.kill();
    }
  });

  it('--save-traces cleans its directory too', async () => {
    const dir = fresh();
    const traces = join(dir, 'traces');
    mkdirSync(traces);
    const killed = await startWriter(join(traces, 'trilateral-summit.trace.json'));
    await killed.kill();
    expect((await runParley(['explore', ARTICLE, '--save-traces', traces])).code).toBe(0);
    const names = readdirSync(traces);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !name.endsWith('.trace.json'))).toEqual([]);
    for (const name of names) expect(JSON.parse(readFileSync(join(traces, name), 'utf8')).parley).toBe('trace');
  });

  it('a directory is looked at once per process, and one that cannot be listed is left alone', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.x.parley-999999999.tmp'), '');
    expect(removeStaleTemporaries(dir)).toEqual(['.x.parley-999999999.tmp']);
    writeFileSync(join(dir, '.y.parley-999999999.tmp'), '');
    expect(removeStaleTemporaries(dir)).toEqual([]);
    expect(existsSync(join(dir, '.y.parley-999999999.tmp'))).toBe(true);
    expect(removeStaleTemporaries(join(dir, 'no-such-directory'))).toEqual([]);
  });
});
