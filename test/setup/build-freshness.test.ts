import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STAMP, isBuildStale } from './build-freshness.js';

describe('the test runner tells a build older than its sources', () => {
  it('stale before any build, fresh after, stale again when a source changes or is deleted', () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-build-'));
    mkdirSync(join(root, 'src', 'engine'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    const source = join(root, 'src', 'engine', 'step.ts');
    const other = join(root, 'src', 'engine', 'moves.ts');
    const stamp = join(root, BUILD_STAMP);
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    writeFileSync(source, 'export {};\n');
    writeFileSync(other, 'export {};\n');
    for (const path of [source, other, join(root, 'src', 'engine'), join(root, 'src')]) at(path, 1000);
    expect(isBuildStale(root)).toBe(true);

    writeFileSync(stamp, 'built\n');
    at(stamp, 2000);
    expect(isBuildStale(root)).toBe(false);

    at(source, 3000);
    expect(isBuildStale(root)).toBe(true);
    at(stamp, 4000);
    expect(isBuildStale(root)).toBe(false);

    rmSync(other);
    at(join(root, 'src', 'engine'), 5000);
    expect(isBuildStale(root)).toBe(true);
  });
});
