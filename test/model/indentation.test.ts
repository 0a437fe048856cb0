import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findIndentationMistakes } from '../../src/model/indentation.js';
import { ROOT } from '../helpers/scenarios.js';

const valid = [
  ...['scenarios', join('scenarios', 'what-if'), join('test', 'fixtures')].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f)),
  ),
];

describe('indentation mistakes', () => {
  it.each(valid)('finds none in %s', (file) => {
    expect(findIndentationMistakes(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('finds none in valid YAML that lines up in less usual ways', () => {
    const text = [
      'a:',
      '- x',
      '- y: 1',
      '  z: 2',
      'b: |',
      '    kept',
      '      more kept: not a key',
      'c: [1,',
      '      2]',
      'd: a plain value',
      '   that goes on',
      'e: "a quoted # value',
      '       on two lines"',
      'f:',
      '    - deep: 1',
      '      deeper:',
      '         - 2',
      '  # a comment anywhere',
      'g: &anchor',
      '  h: 1',
      '',
    ].join('\n');
    expect(parseDocument(text).errors).toEqual([]);
    expect(findIndentationMistakes(text)).toEqual([]);
  });

  it('finds a key out of line with its siblings, the odd one out', () => {
    const text = 'a:\n   b: 1\n  c: 2\n  d: 3\n';
    expect(findIndentationMistakes(text)).toMatchObject([
      { kind: 'misaligned', token: 'b', indent: 3, expected: { indent: 2, token: 'c', line: 2 } },
    ]);
  });

  it('takes the usual step on a tie', () => {
    const text = 'a:\n  b:\n    - 1\n   - 2\n';
    expect(findIndentationMistakes(text)).toMatchObject([
      { kind: 'misaligned', token: '-', indent: 3, expected: { indent: 4, line: 2 } },
    ]);
  });

  it('finds a key or item deeper than the plain value above it, and a tab', () => {
    const text = 'a: 1\n b: 2\nc:\n  - x\n   - y\nd:\n\te: 1\n';
    const mistakes = findIndentationMistakes(text);
    expect(mistakes.map((m) => [m.kind, m.token, text.slice(m.start, m.end)])).toEqual([
      ['too-deep', 'b', 'b'],
      ['too-deep', '-', '-'],
      ['tab', 'e', '\t'],
    ]);
  });

  it('takes a line indented by a tab where its siblings put it, so that the lines around it are not called out of line', () => {
    const first = 'a:\n  b: 1\nc:\n\td:\n    e: 1\n  f: 2\n';
    expect(findIndentationMistakes(first).map((m) => [m.kind, m.token, m.expected?.indent])).toEqual([['tab', 'd', 2]]);
    const top = 'a: 1\n\tb: 2\n';
    expect(findIndentationMistakes(top)).toMatchObject([
      { kind: 'tab', token: 'b', expected: { indent: 0, token: 'a' } },
    ]);
  });

  // Without a clock: a slow or busy machine must not fail it (speed belongs to `npm run bench`).
  it('reads a text of 200,000 lines', () => {
    const text = `a:\n${'  k: v\n'.repeat(200_000)}`;
    expect(findIndentationMistakes(text)).toEqual([]);
  });
});
