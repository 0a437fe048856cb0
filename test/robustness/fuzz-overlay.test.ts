import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers/scenarios.js';
import { getFuzzCases } from './fuzz-cases.js';
import { describeFuzzTarget, useFuzzPool } from './fuzz-tests.js';

const OVERLAY = join(ROOT, 'scenarios', 'what-if', 'moscow-at-the-table.yaml');

const pool = useFuzzPool();
describeFuzzTarget(
  {
    name: 'moscow-at-the-table.yaml',
    text: readFileSync(OVERLAY, 'utf8'),
    file: OVERLAY,
    dir: dirname(OVERLAY),
    cases: getFuzzCases('overlay'),
    seed: 13,
    // The unmutated overlay loads: the ok column is not empty by accident.
    check: (counts) => expect(Object.values(counts).reduce((n, c) => n + c.ok, 0)).toBeGreaterThan(0),
  },
  pool,
  'fuzzed copies of the what-if overlay, read with the base it extends, each end in a model or in diagnostics pointing into one of the files',
);
