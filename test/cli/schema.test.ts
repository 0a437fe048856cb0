import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParley } from '../helpers/run-cli.js';
import { ROOT } from '../helpers/scenarios.js';

describe('the JSON Schema for editors', () => {
  it('ships as schema/scenario.schema.json, identical to what `parley schema` prints', async () => {
    const { code, stdout } = await runParley(['schema']);
    expect(code).toBe(0);
    expect(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')).toBe(stdout);
  });

  it('describes the top-level keys of a scenario, in either form', async () => {
    const [schema, optionForm] = JSON.parse((await runParley(['schema'])).stdout).anyOf;
    expect(Object.keys(schema.properties)).toEqual([
      'parley',
      'extends',
      'title',
      'description',
      'source',
      'dayZero',
      'likelihoodWindow',
      'facts',
      'parties',
      'events',
      'outcomes',
      'timeline',
      'coalitions',
      'notes',
    ]);
    expect(schema.required).toEqual(['parley', 'title', 'source', 'parties', 'events', 'outcomes', 'timeline']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(optionForm.properties)).toEqual([
      'parley',
      'title',
      'description',
      'source',
      'dayZero',
      'likelihoodWindow',
      'parties',
      'infeasible',
      'statusQuo',
      'outcomes',
      'coalitions',
      'notes',
    ]);
    expect(optionForm.required).toEqual(['parley', 'title', 'source', 'parties', 'statusQuo']);
  });
});
