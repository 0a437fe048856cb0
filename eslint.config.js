// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core must be reproducible: only the CLI edge may read the clock or draw unseeded randomness.
// Nothing in parley turns text into code: scenario files are data (no eval, no Function).
const nondeterminism = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Use a seeded rng (seedrandom); the core is deterministic.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'The core never reads the clock; time is the simulated day.',
  },
  {
    selector: "NewExpression[callee.name='Date']",
    message: 'The core never reads the clock; time is the simulated day.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'Timing belongs in bench/ or the CLI.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-syntax': ['error', ...nondeterminism],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
);
