import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOnTerminal } from '../helpers/terminal.js';
import { ROOT } from '../helpers/scenarios.js';
import { getTextWidth } from '../../src/report/text-width.js';

const COLUMNS = 80;

/** Runs the built CLI on an 80-column terminal; returns its exit code and all the terminal was sent. */
async function runOnTerminal(args: string[]): Promise<{ code: number | null; sent: string }> {
  const child = startOnTerminal(args, COLUMNS);
  let sent = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (sent += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, sent };
}

/**
 * The terminal's lines, each as the pieces drawn over one another: a carriage return or a move to
 * the first column starts a redraw; other escape codes (colours, the cursor, clearing) take no room.
 */
function getDrawnLines(sent: string): string[][] {
  const ESC = String.fromCharCode(27);
  return sent
    .replace(/\r\n/g, '\n')
    .replace(new RegExp(`${ESC}\\[\\d*G`, 'g'), '\r')
    .replace(new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]|${ESC}[78]`, 'g'), '')
    .split('\n')
    .map((line) => line.split('\r'));
}

describe('explore on an 80-column terminal', () => {
  it('draws a progress bar with its phase and percentage, then output that never passes 80 columns', async () => {
    const { code, sent } = await runOnTerminal(['explore', 'scenarios/article.yaml']);
    expect(code).toBe(0);
    const lines = getDrawnLines(sent);
    const pieces = lines.flat();
    expect(pieces.filter((piece) => getTextWidth(piece) > COLUMNS)).toEqual([]);
    // Which redraws a fast machine shows depends on its speed; the last report is always drawn
    // before the bar is cleared, and every phase after the search has a percentage.
    expect(pieces).toContainEqual(
      expect.stringMatching(/^(solving|reporting) {2}\[[█░]+\] +\d{1,3}% {2}[\d,]+\/[\d,]+ /),
    );
    expect(pieces.filter((piece) => /^searching /.test(piece)).every((piece) => !piece.includes('%'))).toBe(true);
    // What stays on the screen, the bar cleared, is the output laid out for 80 columns.
    const shown = lines.map((drawn) => drawn.at(-1)).join('\n');
    expect(shown).toBe(readFileSync(join(ROOT, 'test', 'golden', 'width-80', 'explore.txt'), 'utf8'));
  });
});
