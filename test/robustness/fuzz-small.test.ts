import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARBOUR, ROOT } from '../helpers/scenarios.js';
import { getFuzzCases } from './fuzz-cases.js';
import { describeFuzzTarget, useFuzzPool } from './fuzz-tests.js';

const pool = useFuzzPool();
for (const [path, target, seed] of [
  [join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'tiny', 11],
  [HARBOUR, 'harbour', 12],
  [join(ROOT, 'scenarios', 'elmira.yaml'), 'elmira', 13],
] as const) {
  const name = path.split('/').at(-1) as string;
  describeFuzzTarget(
    { name, text: readFileSync(path, 'utf8'), file: 'fuzzed.yaml', cases: getFuzzCases(target), seed },
    pool,
    `fuzzed copies of ${name}: each ends in a model or in positioned diagnostics`,
  );
}
