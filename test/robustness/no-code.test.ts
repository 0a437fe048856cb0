import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/load.js';
import { ROOT } from '../helpers/scenarios.js';

const tiny = readFileSync(join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'utf8');

describe('a scenario file is data, never code', () => {
  it.each([
    ['!!js/function', 'title: !!js/function "function () { process.exit(9) }"'],
    ['!!js/regexp', 'title: !!js/regexp /x/'],
    ['!!binary', 'title: !!binary aGVsbG8='],
    ['!!set', 'title: !!set { a }'],
    ['a local tag', 'title: !include /etc/passwd'],
  ])('refuses the YAML tag %s with a positioned diagnostic', (_name, line) => {
    const text = tiny.replace('title: Tiny talks', line);
    const { model, diagnostics } = parseScenario(text);
    expect(model).toBeUndefined();
    const [first] = diagnostics;
    expect(first).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(first?.message).toMatch(/^the tag \S+ is not supported/);
    expect(text.slice(first?.span.start, first?.span.end)).toBe(line.replace(/^title: !\S+ /, ''));
  });

  it('keeps core tags, which only restate a plain value', () => {
    expect(parseScenario(tiny.replace('title: Tiny talks', 'title: !!str Tiny talks')).model?.title).toBe('Tiny talks');
  });

  it.each([
    ['a condition', 'requires: { stance: { buyer: considering } }', 'requires: { fact: { mood: "process.exit(9)" } }'],
    ['an effect', 'set: { mood: warm }', 'set: { mood: "require(\'child_process\')" }'],
  ])('reads code in %s as a value, which is not one of the fact’s values', (_where, from, to) => {
    const text = tiny.replace(from, to);
    expect(text).not.toBe(tiny);
    const { model, diagnostics } = parseScenario(text);
    expect(model).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toContain('invalid-value');
  });
});
