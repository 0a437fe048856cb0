import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESTIMATIVE_BANDS, ESTIMATIVE_WORDS, findEstimativeBand } from '../../src/model/estimative.js';
import { getEstimativeWordPattern, suggestEstimativeWord } from '../../src/model/suggest-estimative-word.js';
import { checkScenarioText } from '../../src/scenario/check-scenario.js';
import { ROOT } from '../helpers/scenarios.js';

const tiny = readFileSync(join(ROOT, 'test', 'fixtures', 'tiny.yaml'), 'utf8');
const withLikelihood = (word: string) => tiny.replace('likelihood: likely', `likelihood: ${word}`);

/** The band a suggestion names, read back from its text. */
function suggestedBand(text: string) {
  const word = /did you mean "([^"]+)"/.exec(suggestEstimativeWord(text) ?? '')?.[1];
  return word === undefined ? undefined : findEstimativeBand(word);
}

describe('estimative words', () => {
  it('are read whatever their case and spacing, and stand for the same band', () => {
    for (const written of ['Likely', 'LIKELY', '  likely ', 'Very  Likely', 'Almost No Chance']) {
      const checked = checkScenarioText(withLikelihood(written), 'tiny.yaml');
      expect(checked.diagnostics).toEqual([]);
      const likelihood = checked.model?.events.find((e) => e.id === 'softened')?.likelihood;
      expect(likelihood).toEqual(
        expect.objectContaining({ kind: 'word', word: written.trim().toLowerCase().replace(/\s+/g, ' ') }),
      );
    }
  });

  it('match the JSON Schema pattern editors check them with, in any case, and nothing else', () => {
    const pattern = new RegExp(getEstimativeWordPattern());
    for (const word of ESTIMATIVE_WORDS) {
      expect(pattern.test(word)).toBe(true);
      expect(pattern.test(word.toUpperCase())).toBe(true);
    }
    for (const other of ['probably', 'almost certainly not', 'likely-ish', 'likelylikely'])
      expect(pattern.test(other)).toBe(false);
  });

  it('suggest a word of the same band for a phrasing outside ICD 203, never the opposite', () => {
    expect(suggestedBand('almost certainly not')?.word).toBe('almost no chance');
    expect(suggestedBand('highly unlikely')?.word).toBe('very unlikely');
    expect(suggestedBand('probably not')?.word).toBe('unlikely');
    expect(suggestedBand('probably')?.word).toBe('likely');
    expect(suggestedBand('almost certainly')?.word).toBe('almost certain');
  });

  it('correct a typo only to a word that says "not" as often', () => {
    expect(suggestedBand('unlikly')?.word).toBe('unlikely');
    expect(suggestedBand('likley')?.word).toBe('likely');
    expect(suggestedBand('very unlikly')?.word).toBe('very unlikely');
    // Each band's words with one letter dropped still suggest that band.
    for (const band of ESTIMATIVE_BANDS)
      for (const word of [band.word, ...band.synonyms])
        if (word.length > 6)
          expect(suggestedBand(word.slice(0, 2) + word.slice(3))?.word).toBeOneOf([band.word, ...band.synonyms]);
  });

  it('say why in the file: the near miss, its band, where it is', () => {
    const checked = checkScenarioText(withLikelihood('almost certainly not'), 'tiny.yaml');
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        hint: 'did you mean "almost no chance"? (ICD 203: 0.01 to 0.05)',
        message: expect.stringContaining(
          'events.softened.likelihood is text "almost certainly not" (expected a probability',
        ),
      }),
    ]);
  });
});
