import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getStances } from '../../src/engine/joint-state.js';
import type { OutcomeId, ParagraphId, PartyId } from '../../src/model/ids.js';
import { getModelIndex } from '../../src/model/model-lookup.js';
import { replayTimeline } from '../../src/run/replay-timeline.js';
import { checkQuotes } from '../../src/source/check-quotes.js';
import { parseSourceText } from '../../src/source/source-text.js';
import { ARTICLE, ARTICLE_TEXT, loadModel } from '../helpers/scenarios.js';

const model = loadModel(ARTICLE);
const index = getModelIndex(model);
const P = (...ids: number[]) => ids.map((n) => `P${n}` as ParagraphId);

/** Every row of the source catalogue, with the id the model gives it and the paragraphs the row lists. */
const CATALOGUE = {
  parties: [
    ['ukraine', P(1, 3, 4, 5, 6, 7, 8, 9, 14)],
    ['russia', P(2, 10, 11, 12, 13, 14, 15, 16)],
    ['united-states', P(2, 4, 6, 8, 9, 14)],
    ['europe', P(3)],
    ['turkey', P(10, 11, 15)],
  ],
  stances: [
    ['ukraine', 'ceasefire-first', P(1, 3)],
    ['ukraine', 'guarantees-first', P(1, 4, 5)],
    ['ukraine', 'awaiting-guarantees-architecture', P(7)],
    ['ukraine', 'seeking-trilateral-meeting', P(8)],
    ['ukraine', 'wants-period-of-calm', P(6)],
    ['europe', 'ceasefire-first', P(3)],
    ['united-states', 'ceasefire-first', P(4)],
    ['united-states', 'peace-deal-first', P(4)],
    ['united-states', 'summit-broker', P(2, 8)],
    ['russia', 'istanbul-format', P(10, 11, 15)],
    ['russia', 'raise-delegation-level', P(10, 14)],
    ['russia', 'step-by-step-preparation', P(16)],
    ['russia', 'no-security-without-moscow', P(12)],
  ],
  events: [
    ['istanbul-rounds-held', 'historical', P(11)],
    ['putin-no-show', 'historical', P(15)],
    ['ceasefire-first-push', 'historical', P(3)],
    ['us-pivots-to-peace-deal', 'historical', P(4)],
    ['trump-putin-call', 'historical', P(14)],
    ['weapons-component-agreed', 'historical', P(9)],
    ['summit-underway-claim', 'historical', P(2)],
    ['kremlin-contradicts-summit', 'historical', P(2, 13)],
    ['compromise-signalled', 'historical', P(1, 4, 5)],
    ['calm-requested', 'historical', P(6)],
    ['window-set', 'historical', P(7)],
    ['raise-level-proposed', 'historical', P(10, 14)],
    ['putin-confirms-istanbul', 'historical', P(11)],
    ['lavrov-security-utopia', 'historical', P(12)],
    ['no-response-from-ukraine', 'historical', P(14)],
    ['architecture-established', 'hypothetical', P(7)],
    ['window-lapses', 'hypothetical', P(7)],
    ['ukraine-accepts-raised-level', 'hypothetical', P(14)],
    ['ukraine-rejects-raised-level', 'hypothetical', P(14)],
    ['talks-date-set', 'hypothetical', P(7)],
    ['trilateral-proposed', 'hypothetical', P(8)],
    ['trilateral-held', 'hypothetical', P(8)],
    ['bilateral-held', 'hypothetical', P(2)],
    ['leader-no-show', 'hypothetical', P(15)],
    ['summit-worsens', 'hypothetical', P(16)],
    ['raised-level-round-held', 'hypothetical', P(10, 14)],
    ['ceasefire-agreed', 'hypothetical', P(3)],
  ],
  outcomes: [
    ['ceasefire', P(3)],
    ['trilateral-summit', P(8)],
    ['bilateral-summit', P(2)],
    ['raised-level-istanbul-talks', P(10, 14)],
    ['humanitarian-track-only', P(11)],
    ['summit-backfires', P(16)],
    ['stalemate', P(2, 13, 14)],
  ],
} as const;

describe('the article model represents every row of the catalogue, with its paragraphs', () => {
  it.each(CATALOGUE.parties)('party %s', (id, paragraphs) => {
    expect(index.parties.get(id as PartyId)?.cites).toEqual(expect.arrayContaining([...paragraphs]));
  });

  it.each(CATALOGUE.stances)('stance %s / %s', (party, stance, paragraphs) => {
    const found = index.parties.get(party as PartyId)?.stances.find((s) => s.id === stance);
    expect(found?.cites).toEqual(expect.arrayContaining([...paragraphs]));
  });

  it.each(CATALOGUE.events)('event %s (%s)', (id, kind, paragraphs) => {
    const event = model.events.find((e) => e.id === id);
    expect(event?.kind).toBe(kind);
    expect(event?.cites).toEqual(expect.arrayContaining([...paragraphs]));
  });

  it.each(CATALOGUE.outcomes)('outcome %s', (id, paragraphs) => {
    expect(index.outcomes.get(id as OutcomeId)?.cites).toEqual(expect.arrayContaining([...paragraphs]));
  });

  it('replays every historical event of the catalogue in its timeline', () => {
    const historical = CATALOGUE.events.filter(([, kind]) => kind === 'historical').map(([id]) => id);
    expect(model.timeline).toEqual(expect.arrayContaining(historical));
  });
});

describe.runIf(existsSync(ARTICLE_TEXT))('against the article text', () => {
  it('every quote is a verbatim fragment of a paragraph it cites', () => {
    expect(checkQuotes(model, parseSourceText(readFileSync(ARTICLE_TEXT, 'utf8')))).toEqual([]);
  });
});

describe('replaying the article’s timeline', () => {
  const replay = replayTimeline(model);

  it('meets no failed precondition', () => {
    expect(replay.problems).toEqual([]);
  });

  it('ends in the positions the report describes on day 0', () => {
    expect(getStances(model, replay.final)).toEqual({
      ukraine: 'awaiting-guarantees-architecture',
      russia: 'step-by-step-preparation',
      'united-states': 'summit-broker',
      europe: 'ceasefire-first',
      turkey: 'hosting-technical-talks',
    });
    expect(replay.final.day).toBe(0);
    expect(replay.final.facts).toMatchObject({ guaranteesArchitecture: 'weapons-component', raisedLevelProposal: 'pending', ceasefire: false });
  });

  it('moves Ukraine from ceasefire-first to guarantees-first only after the US pivot', () => {
    const ukraine = replay.steps.map((s) => (getStances(model, s.after) as Record<string, string>).ukraine);
    const pivot = model.timeline.indexOf('us-pivots-to-peace-deal' as never);
    const compromise = ukraine.indexOf('guarantees-first');
    expect(compromise).toBeGreaterThan(pivot);
  });
});
