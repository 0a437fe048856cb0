import { execFileSync } from 'node:child_process';
import { ROOT } from '../helpers/scenarios.js';
import { isBuildStale } from './build-freshness.js';

/**
 * Worker threads (the sampler's) and the inspector's page run parley's build in dist/, not the
 * TypeScript sources the tests import. So that a test run always checks the current sources, a
 * build older than them is rebuilt first (`npm test` builds before it runs the tests anyway).
 */
export default function setup(): void {
  if (!isBuildStale(ROOT)) return;
  process.stderr.write('parley: dist/ is older than the sources it is built from; building it first (npm run build)\n');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (isBuildStale(ROOT)) throw new Error('parley: dist/ is still older than the sources after `npm run build`');
}
