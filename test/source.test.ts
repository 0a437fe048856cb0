import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../src/source/source-text.js';

describe('source texts', () => {
  it('splits paragraphs marked [ID] at the start of a line', () => {
    const paragraphs = parseSourceText('[P1] First “quoted” line\ncontinues.\n\n[P2] Second [not a marker].\n');
    expect([...paragraphs]).toEqual([
      ['P1', 'First “quoted” line\ncontinues.'],
      ['P2', 'Second [not a marker].'],
    ]);
  });
});
