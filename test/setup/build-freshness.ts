import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What dist/ is built from: a change to any of these makes the build stale. */
const BUILD_INPUTS = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The stamp `npm run build` writes last (scripts/finish-build.mjs). */
export const BUILD_STAMP = join('dist', '.build-stamp');

/**
 * Returns the newest modification time among the build's inputs under `root`, directories
 * included (a deleted source file changes its directory's time).
 */
export function getNewestInputTime(root: string): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const input of BUILD_INPUTS) visit(join(root, input));
  return newest;
}

/** True when dist/ under `root` was never built, or built before its newest input changed. */
export function isBuildStale(root: string): boolean {
  const stamp = join(root, BUILD_STAMP);
  return !existsSync(stamp) || statSync(stamp).mtimeMs < getNewestInputTime(root);
}
