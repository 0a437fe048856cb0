import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { fitText, wrapLine, wrapWords } from '../../src/report/wrap-text.js';
import { getTextWidth } from '../../src/report/text-width.js';

const c = pc.createColors(true);

describe('wrapLine', () => {
  it('returns a line that fits as it is, trailing spaces and all', () => {
    expect(wrapLine('short  ', 20)).toEqual(['short  ']);
  });

  it('wraps prose at word boundaries, continuations under the indent plus three', () => {
    expect(wrapLine('   the quick brown fox jumps over the lazy dog', 20)).toEqual([
      '   the quick brown',
      '      fox jumps over',
      '      the lazy dog',
    ]);
  });

  it('hangs a numbered step and a quote under their text', () => {
    expect(wrapLine('  1. day 0  an event with a long name', 20)).toEqual([
      '  1. day 0  an event',
      '     with a long',
      '     name',
    ]);
    expect(wrapLine('     > a quote that runs on', 20)).toEqual(['     > a quote that', '       runs on']);
  });

  it('cuts a word wider than the line where the room ends', () => {
    const lines = wrapLine('id: events.a-very-long-element-id.set.fact', 16);
    expect(lines.every((l) => getTextWidth(l) <= 16)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe('id:events.a-very-long-element-id.set.fact');
  });

  it('counts no width for colour codes, and keeps them whole', () => {
    const line = `${c.bold('trilateral-summit')}: Trump, Putin and Zelensky meet. ${c.dim('(P8)')}`;
    const lines = wrapLine(line, 40);
    expect(lines).toHaveLength(2);
    expect(lines.map(getTextWidth).every((w) => w <= 40)).toBe(true);
    expect(lines.join(' ').replace(/ +/g, ' ')).toBe(line);
  });

  it('counts a wide character as two columns', () => {
    expect(wrapWords('会議 会議 会議', 9)).toEqual(['会議 会議', '会議']);
  });
});

describe('fitText', () => {
  it('leaves text alone without a width, and wraps every line with one', () => {
    const text = 'a b c d e f g h\nshort\n';
    expect(fitText(text, undefined)).toBe(text);
    expect(fitText(text, 8)).toBe('a b c d\n   e f g\n   h\nshort\n');
  });
});

describe('wrapLine with colours before the indent or the marker', () => {
  it('reads the indent and a quote marker past the colour codes, and keeps the codes', () => {
    const quote = `        ${c.italic('> the talks in Istanbul have so far included lower-level and technical-level officials')}`;
    const lines = wrapLine(quote, 70);
    expect(lines.map((l) => stripVTControlCharacters(l))).toEqual([
      '        > the talks in Istanbul have so far included lower-level and',
      '          technical-level officials',
    ]);
    const note = c.dim('              summit one of trilateral-held, bilateral-held, in what summit-worsens requires');
    expect(wrapLine(note, 70).map((l) => stripVTControlCharacters(l))).toEqual([
      '              summit one of trilateral-held, bilateral-held, in what',
      '                 summit-worsens requires',
    ]);
  });
});
