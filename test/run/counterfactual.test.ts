// Counterfactual history: the timeline without some of its events, and historical events that might
// have gone otherwise (`alternative`), asked through every way in: the core, the library, the matchers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { explore, loadScenario, run, sample, StartError } from 'parley';
import 'parley/vitest';
import { getCounterfactualTimeline } from '../../src/run/counterfactual-timeline.js';
import { getQuestionModel } from '../../src/run/question-model.js';
import { resolveStart } from '../../src/run/start-point.js';
import type { EventId } from '../../src/model/ids.js';
import { ARTICLE, loadModel, ROOT } from '../helpers/scenarios.js';

const WALKOUT = join(ROOT, 'test', 'fixtures', 'counterfactual.yaml');
const ids = (...names: string[]) => names as EventId[];

/**
 * The same question written by hand as users had to before: the walkout a hypothetical twin of its
 * alternative's likelihood and window, the events after it out of the timeline.
 */
function writeTwin(): string {
  const file = parse(readFileSync(WALKOUT, 'utf8'));
  const { day: _day, alternative, ...rest } = file.events.walkout;
  file.events.walkout = {
    ...rest,
    kind: 'hypothetical',
    likelihood: alternative.likelihood,
    window: alternative.window,
  };
  file.events['mediator-steps-in'].kind = 'hypothetical';
  delete file.events['mediator-steps-in'].day;
  file.events['mediator-steps-in'].likelihood = 0.5;
  // The mediator, a hypothetical here, must not happen: its precondition can never hold again.
  file.events['mediator-steps-in'].requires = { all: [{ stance: { seller: 'walked-out' } }, { day: { below: -1 } }] };
  file.timeline = ['talks-open'];
  const dir = mkdtempSync(join(tmpdir(), 'parley-twin-'));
  const path = join(dir, 'twin.yaml');
  writeFileSync(path, stringify(file));
  return path;
}

describe('the timeline without an event', () => {
  const model = loadModel(WALKOUT);

  it('replays each later event where its requires still holds, and lists those that no longer can', () => {
    expect(getCounterfactualTimeline(model, new Set(ids('walkout')))).toEqual({
      without: ['walkout'],
      timeline: ['talks-open'],
      lost: ['mediator-steps-in'],
    });
    expect(getCounterfactualTimeline(model, new Set(ids('mediator-steps-in')))).toEqual({
      without: ['mediator-steps-in'],
      timeline: ['talks-open', 'walkout'],
      lost: [],
    });
  });

  it('loses every event of the article that needed the US pivot, and keeps the rest in order', () => {
    const article = loadModel(ARTICLE);
    const counterfactual = getCounterfactualTimeline(article, new Set(ids('us-pivots-to-peace-deal')));
    expect(counterfactual.lost).toEqual(['summit-underway-claim', 'compromise-signalled', 'window-set']);
    expect(counterfactual.timeline).toEqual(
      article.timeline.filter((id) => !['us-pivots-to-peace-deal', ...counterfactual.lost].includes(id)),
    );
  });

  it('starts at its end, after an event of it, or as of a day; the lost events before the start are named', () => {
    const end = resolveStart(model, { kind: 'end', without: ids('walkout') });
    expect(end).toMatchObject({
      history: ['talks-open'],
      lost: ['mediator-steps-in'],
      description: 'the end of the timeline without walkout (after talks-open; mediator-steps-in no longer happens)',
    });
    expect(resolveStart(model, { kind: 'day', day: 2, without: ids('walkout') })).toMatchObject({
      history: ['talks-open'],
      joint: { day: 2 },
    });
    // The mediator comes on day 3: as of day 2 it has not been lost yet.
    expect(resolveStart(model, { kind: 'day', day: 2, without: ids('walkout') })).not.toHaveProperty('lost');
  });

  it('refuses a start that no longer exists, or an event that is not in the timeline', () => {
    expect(resolveStart(model, { kind: 'after-event', event: 'walkout' as EventId, without: ids('walkout') })).toEqual({
      error: '"walkout" is taken out (without), so no question can start after it',
      about: 'from',
    });
    expect(
      resolveStart(model, { kind: 'after-event', event: 'mediator-steps-in' as EventId, without: ids('walkout') }),
    ).toEqual({
      error: '"mediator-steps-in" no longer happens without walkout, so no question can start after it',
      about: 'from',
    });
    expect(resolveStart(model, { kind: 'end', without: ids('walkot') })).toMatchObject({
      error: expect.stringContaining('"walkot" is not an event of the timeline (did you mean "walkout"?)'),
      about: 'without',
    });
  });
});

describe('an alternative of a historical event', () => {
  const model = loadModel(WALKOUT);

  it('is a hypothetical event of its likelihood wherever the event has not happened, and nothing where it has', () => {
    expect(getQuestionModel(model, model.timeline)).toBe(model);
    const before = getQuestionModel(model, ids('talks-open'));
    const walkout = before.events.find((e) => e.id === 'walkout');
    expect(walkout).toMatchObject({ kind: 'hypothetical', likelihood: { value: 0.3 }, window: 7, by: 'seller' });
    expect(walkout).not.toHaveProperty('day');
    // An event without an alternative stays historical: it cannot happen in a question's future.
    expect(before.events.find((e) => e.id === 'mediator-steps-in')?.kind).toBe('historical');
    // The same history gives the same model object, so caches keyed by the model keep working.
    expect(getQuestionModel(model, ids('talks-open'))).toBe(before);
  });
});

describe('counterfactuals through the library and the matchers', () => {
  const walkout = loadScenario(WALKOUT);
  const twin = loadScenario(writeTwin());

  it('explores the futures without the walkout with the exact odds of a hand-made twin', () => {
    const without = explore(walkout, { without: ['walkout'], within: 14 });
    const byHand = explore(twin, { within: 14 });
    expect(without.start).toMatchObject({ history: ['talks-open'], lost: ['mediator-steps-in'] });
    expect(without.outcomes.map((o) => [o.id, o.status, o.probability])).toEqual(
      byHand.outcomes.map((o) => [o.id, o.status, o.probability]),
    );
    expect(without.outcomes.find((o) => o.id === 'breakdown')?.probability).toBeGreaterThan(0.1);
    // From the end of history the walkout has happened: no deal can be reached.
    expect(explore(walkout, { within: 14 }).outcomes[0]).toMatchObject({ id: 'agreement', status: 'unreachable' });
  });

  it('samples the same runs as the twin, seed for seed', async () => {
    const options = { runs: 400, seed: 7, within: 14 };
    const without = await sample(walkout, { ...options, without: ['walkout'] });
    const byHand = await sample(twin, options);
    expect(without.outcomes).toEqual(byHand.outcomes);
  });

  it('starting before a historical event, has its alternative as a possible future', () => {
    const fromOpening = explore(walkout, { from: 'talks-open', within: 14 });
    const without = explore(walkout, { without: ['walkout'], within: 14 });
    expect(fromOpening.outcomes.map((o) => o.probability)).toEqual(without.outcomes.map((o) => o.probability));
  });

  it('replays the counterfactual timeline in run, with the lost events in its summary', () => {
    const records = run(walkout, { without: ['walkout'] }).records;
    expect(records.filter((r) => r.type === 'step').map((r) => r.type === 'step' && r.event)).toEqual(['talks-open']);
    expect(records.at(-1)).toMatchObject({ type: 'summary', without: ['walkout'], lost: ['mediator-steps-in'] });
    // Then the walkout's alternative as a move.
    const steps = run(walkout, { without: ['walkout'], moves: ['walkout'] }).records.filter((r) => r.type === 'step');
    expect(steps.at(-1)).toMatchObject({ event: 'walkout', kind: 'hypothetical' });
  });

  it('refuses an event not in the timeline, naming the option', () => {
    expect(() => explore(walkout, { without: ['deal'] })).toThrow(StartError);
    expect(() => explore(walkout, { without: ['deal'] })).toThrow(/"deal" is not an event of the timeline/);
    expect(() => explore(walkout, { without: 'walkout' as never })).toThrow(
      /option "without" expected a list of timeline events' ids/,
    );
  });

  it('asserts outcomes of a counterfactual with the matchers', () => {
    expect(walkout).not.toReachOutcome('agreement', { within: 14 });
    expect(walkout).toReachOutcome('agreement', { without: ['walkout'], within: 14 });
    expect(walkout).toHaveOutcomeProbability('breakdown', {
      without: ['walkout'],
      within: 14,
      atLeast: 0.1,
      atMost: 0.4,
    });
    expect(walkout).toHaveOutcomeProbability('breakdown', {
      without: ['walkout'],
      within: 14,
      atLeast: 0.1,
      atMost: 0.4,
      sampled: { runs: 2000, seed: 1 },
    });
    expect(walkout).toRequireEvent('breakdown', 'walkout', { without: ['walkout'], within: 14 });
    expect(walkout).toSatisfy('eventually agreement', { without: ['walkout'], within: 14 });
  });
});
