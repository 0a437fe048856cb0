import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnParley } from '../helpers/spawn-cli.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE } from '../helpers/scenarios.js';
import { getFuzzCases, getFuzzChunks } from './fuzz-cases.js';
import { arbitraryMutant } from './mutations.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-files-'));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
// Other users (see the permission test) must be able to reach the files.
chmodSync(dir, 0o755);

describe('files that are not scenarios', () => {
  it.each([
    ['an empty file', () => writeAndReturn('empty.yaml', ''), /^empty\.yaml:1:1: error: the top level is empty/],
    [
      'a 20 MB file',
      () => writeAndReturn('big.yaml', `title: x\n${'# padding '.repeat(2_100_000)}\n`),
      /big\.yaml: error: the file is 20\.0 MB \(expected at most 4 MB\)/,
    ],
    ['a directory', () => mkdirAndReturn('folder.yaml'), /folder\.yaml: error: this is a directory/],
    ['a missing file', () => join(dir, 'missing.yaml'), /missing\.yaml: error: no such file/],
    [
      'a named pipe, which would never end',
      () => fifoAndReturn('pipe.yaml'),
      /pipe\.yaml: error: this is not a regular file/,
    ],
    [
      'bytes that are not UTF-8',
      () => writeAndReturn('latin1.yaml', Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a])),
      /latin1\.yaml: error: the file is not valid UTF-8 text/,
    ],
  ])('%s: exit 2, a clear message, nothing on stdout', async (_name, make, message) => {
    const path = make();
    const result = await runParley(['validate', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.replaceAll(`${dir}/`, '')).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file without read permission: exit 2', () => {
    const path = writeAndReturn('secret.yaml', 'parley: 1\n');
    chmodSync(path, 0o000);
    // Root reads any file whatever its mode, so as root the binary runs as `nobody`.
    const result = spawnParley(['validate', path], isRoot ? { asUser: NOBODY } : {});
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toContain(`${path}: error: permission denied (the file cannot be read) [file-unreadable]`);
  });
});

describe('fuzzed files through the command line', () => {
  const text = readFileSync(ARTICLE, 'utf8');
  const chunks = getFuzzChunks(getFuzzCases('cli'), 99, 50);
  it.each(chunks.map((chunk) => [chunk.index + 1, chunks.length, chunk.seed, chunk.runs, chunk] as const))(
    'exit 0 or 2, print no stack trace, and write nothing on failure (chunk %i of %i: seed %i, %i cases)',
    async (_index, _of, seed, runs, { index }) => {
      const mutants = fc.sample(arbitraryMutant(text), { numRuns: runs, seed });
      for (const [i, mutant] of mutants.entries()) {
        const path = writeAndReturn(`cli-${index}-${i}.yaml`, mutant.text);
        const result = await runParley(['validate', path]);
        expect([0, 2], `${mutant.kind}: ${result.stderr.slice(0, 300)}`).toContain(result.code);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        if (result.code === 2) expect(result.stdout).toBe('');
      }
    },
  );
});

function writeAndReturn(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function mkdirAndReturn(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

function fifoAndReturn(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}
