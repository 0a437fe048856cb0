import { readFileSync } from 'node:fs';
import { ARTICLE } from '../helpers/scenarios.js';
import { getFuzzCases } from './fuzz-cases.js';
import { describeFuzzTarget, useFuzzPool } from './fuzz-tests.js';

// Fixed seeds: every run of the suite (and CI) checks the same cases; they are listed by class.
const pool = useFuzzPool();
describeFuzzTarget(
  {
    name: 'article',
    text: readFileSync(ARTICLE, 'utf8'),
    file: 'article.yaml',
    cases: getFuzzCases('article'),
    seed: 20261124,
  },
  pool,
  'fuzzed copies of the article scenario each end in a model or in diagnostics pointing into the text, never a crash, a hang or a polluted prototype',
);
