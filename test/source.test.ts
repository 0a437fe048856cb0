import { describe, expect, it } from 'vitest';
import { checkParagraphMarkers, parseSourceText } from '../src/source/source-text.js';

describe('source texts', () => {
  it('splits paragraphs marked [ID] at the start of a line', () => {
    const paragraphs = parseSourceText('[P1] First “quoted” line\ncontinues.\n\n[P2] Second [not a marker].\n');
    expect([...paragraphs]).toEqual([
      ['P1', 'First “quoted” line\ncontinues.'],
      ['P2', 'Second [not a marker].'],
    ]);
  });

  it('finds no paragraph in a text without markers, and says so once, at its first paragraph number', () => {
    const text = 'Report\n\n  1. First.\n\n  2. Second [P1] in passing.\n';
    expect(parseSourceText(text).size).toBe(0);
    const d = checkParagraphMarkers(text, 'report.txt', 'P1');
    expect(d).toMatchObject({ code: 'no-paragraph-markers', severity: 'error', file: 'report.txt' });
    expect(d && text.slice(d.span.start, d.span.end)).toBe('1.');
    expect(d?.hint).toBe('start each paragraph with its id in brackets: "[P1] ..." instead of "1. ..."');
  });

  it('points at the first word of an unmarked text that is not numbered, and accepts one marker', () => {
    const text = '\n\nThe talks began.\n';
    const d = checkParagraphMarkers(text, 'report.txt', 'A1');
    expect(d && text.slice(d.span.start, d.span.end)).toBe('The');
    expect(d?.hint).toBe('start each paragraph with its id in brackets: [A1] ...');
    expect(checkParagraphMarkers('Title\n[A1] The talks began.\n', 'report.txt', 'A1')).toBeUndefined();
  });
});
