import { error, warning, type DataPath, type Problem } from './problem.js';
import {
  isPreferenceTier,
  type RawCondition,
  type RawPreference,
  type RawFact,
  type RawLikelihood,
  type RawScenario,
  type RawTransitions,
} from './schema.js';
import { checkCoalitions } from './check-coalitions.js';
import { createChecker, unknown } from './reference-checker.js';
import { findClosest } from './suggest.js';

/**
 * Checks what the schema cannot: that every id a file mentions is declared, that values fit their
 * facts, that each kind of event carries what it needs, and that the timeline is in order. Pure;
 * returns every problem, not just the first.
 */
export function checkReferences(file: RawScenario): Problem[] {
  const problems: Problem[] = [];
  const check = createChecker(file, problems);

  const paragraphs = new Set<string>();
  file.source.paragraphs.forEach((p, i) => {
    if (!paragraphs.has(p)) paragraphs.add(p);
    else
      problems.push(
        error('duplicate-id', ['source', 'paragraphs', i], `paragraph "${p}" is listed twice in source.paragraphs`),
      );
  });

  for (const [factId, fact] of Object.entries(file.facts ?? {})) {
    const at: DataPath = ['facts', factId];
    check.cites(fact.cites, [...at, 'cites']);
    checkFactDeclaration(fact, at, problems);
  }

  const eventIds = Object.keys(file.events);
  // Which events some stance moves on, once: asked per event, it is a search of every stance.
  const moving = new Set<string>();
  for (const party of Object.values(file.parties))
    for (const stance of Object.values(party.stances))
      for (const eventId of Object.keys(stance.on ?? {})) moving.add(eventId);

  if (Object.keys(file.parties).length === 0)
    problems.push(error('missing-key', ['parties'], 'no parties declared (expected at least one party)'));
  for (const [partyId, party] of Object.entries(file.parties)) {
    const at: DataPath = ['parties', partyId];
    check.cites(party.cites, [...at, 'cites']);
    const stanceIds = Object.keys(party.stances);
    const declared = new Set(stanceIds);
    if (stanceIds.length === 0)
      problems.push(
        error('missing-key', [...at, 'stances'], `party "${partyId}" has no stances (expected at least one)`),
      );
    else if (!declared.has(party.initial))
      problems.push(unknown('stance', party.initial, [...at, 'initial'], stanceIds, `of party "${partyId}"`));
    const entered = new Set<string>();
    // A stance named wrongly is taken to be the one it is nearest to, so that it is not also
    // reported unreachable; one near none leaves the stances entered unknown.
    let entersUnknown = false;
    const enter = (to: string) => {
      if (declared.has(to)) return entered.add(to);
      const meant = findClosest(to, stanceIds);
      if (meant === undefined) entersUnknown = true;
      else entered.add(meant);
    };
    enter(party.initial);
    const entries: (readonly [RawPreference, DataPath])[] = [
      ...(party.prefers ?? []).flatMap((tier, i) =>
        isPreferenceTier(tier)
          ? tier.map((p, j): readonly [RawPreference, DataPath] => [p, ['prefers', i, j]])
          : [[tier, ['prefers', i]] as readonly [RawPreference, DataPath]],
      ),
      ...(party.prioritises ?? []).map((p, i): readonly [RawPreference, DataPath] => [p, ['prioritises', i]]),
    ];
    for (const [preference, place] of entries) {
      if (typeof preference === 'string') {
        if (!Object.hasOwn(file.outcomes, preference))
          problems.push(unknown('outcome', preference, [...at, ...place], Object.keys(file.outcomes), ''));
      } else if ('label' in preference) check.condition(preference.when, [...at, ...place, 'when']);
      else check.condition(preference, [...at, ...place]);
    }
    if (party.prefers && party.prioritises)
      problems.push(
        error(
          'invalid-value',
          [...at, 'prioritises'],
          'a party ranks states by `prefers` or by `prioritises`, not both',
        ),
      );
    for (const [stanceId, stance] of Object.entries(party.stances)) {
      const stanceAt: DataPath = [...at, 'stances', stanceId];
      check.cites(stance.cites, [...stanceAt, 'cites']);
      for (const [eventId, transitions] of Object.entries(stance.on ?? {})) {
        const onAt: DataPath = [...stanceAt, 'on', eventId];
        if (!Object.hasOwn(file.events, eventId)) problems.push(unknown('event', eventId, onAt, eventIds, '', 'key'));
        forEachTransition(transitions, onAt, (to, when, toAt, whenAt) => {
          if (!declared.has(to)) problems.push(unknown('stance', to, toAt, stanceIds, `of party "${partyId}"`));
          enter(to);
          if (when) check.condition(when, whenAt);
        });
      }
    }
    for (const stanceId of entersUnknown ? [] : stanceIds) {
      if (!entered.has(stanceId)) {
        problems.push(
          warning(
            'unreachable-stance',
            [...at, 'stances', stanceId],
            `stance "${stanceId}" of party "${partyId}" is neither initial nor the target of any event`,
            { at: 'key' },
          ),
        );
      }
    }
  }

  for (const [eventId, event] of Object.entries(file.events)) {
    const at: DataPath = ['events', eventId];
    check.cites(event.cites, [...at, 'cites']);
    if (event.kind === 'historical') {
      if (event.day === undefined)
        problems.push(
          error(
            'missing-key',
            at,
            `missing "day" in historical event "${eventId}" (expected an integer day; 0 is the day of the report)`,
            { at: 'key', missing: 'day' },
          ),
        );
      // What only a possible future has: a historical event happened.
      for (const [key, what] of [
        ['likelihood', 'a likelihood'],
        ['window', 'a likelihood window'],
      ] as const) {
        if (event[key] !== undefined)
          problems.push(
            error(
              'invalid-value',
              [...at, key],
              `historical event "${eventId}" has ${what} (expected none: it happened)`,
              {
                at: 'key',
              },
            ),
          );
      }
    } else {
      if (event.likelihood === undefined)
        problems.push(
          error(
            'missing-key',
            at,
            `missing "likelihood" in hypothetical event "${eventId}" (expected a probability or an estimative word such as "likely")`,
            { at: 'key', missing: 'likelihood' },
          ),
        );
      if (event.day !== undefined)
        problems.push(
          error(
            'invalid-value',
            [...at, 'day'],
            `hypothetical event "${eventId}" has a day (expected none: use "requires: { day: ... }" to bound when it may happen)`,
            { at: 'key' },
          ),
        );
    }
    if (event.requires) check.condition(event.requires, [...at, 'requires']);
    const moves = moving.has(eventId);
    if (
      event.kind === 'hypothetical' &&
      !moves &&
      Object.keys(event.set ?? {}).length === 0 &&
      Object.keys(event.add ?? {}).length === 0
    ) {
      problems.push(
        warning(
          'inert-event',
          at,
          `hypothetical event "${eventId}" changes nothing: no stance moves on it and it sets no fact, so it can never happen`,
          { at: 'key' },
        ),
      );
    }
    if (typeof event.urgent === 'object') check.condition(event.urgent, [...at, 'urgent']);
    if (event.by !== undefined && !Object.hasOwn(file.parties, event.by))
      problems.push(unknown('party', event.by, [...at, 'by'], Object.keys(file.parties), ''));
    if (event.likelihood !== undefined) problems.push(...checkInterval(event.likelihood, [...at, 'likelihood']));
    if (event.alternative)
      problems.push(...checkInterval(event.alternative.likelihood, [...at, 'alternative', 'likelihood']));
    if (event.kind === 'hypothetical' && event.alternative)
      problems.push(
        error(
          'invalid-value',
          [...at, 'alternative'],
          `hypothetical event "${eventId}" has an alternative (expected one on historical events only: a hypothetical event's own likelihood says how likely it is)`,
          { at: 'key' },
        ),
      );
    if (event.kind === 'historical' && event.urgent !== undefined) {
      problems.push(
        error(
          'invalid-value',
          [...at, 'urgent'],
          `historical event "${eventId}" is urgent (expected urgency only on hypothetical events)`,
          { at: 'key' },
        ),
      );
    }
    for (const [factId, value] of Object.entries(event.set ?? {}))
      check.factValue(factId, value, [...at, 'set', factId]);
    for (const factId of Object.keys(event.add ?? {})) {
      const fact = check.fact(factId, [...at, 'add', factId]);
      if (fact && fact.type !== 'integer')
        problems.push(
          error(
            'wrong-type',
            [...at, 'add', factId],
            `"add" changes fact "${factId}" of type ${fact.type} (expected an integer fact; use "set")`,
            { at: 'key' },
          ),
        );
    }
  }

  for (const [outcomeId, outcome] of Object.entries(file.outcomes)) {
    check.cites(outcome.cites, ['outcomes', outcomeId, 'cites']);
    check.condition(outcome.when, ['outcomes', outcomeId, 'when']);
  }

  for (const [element, note] of Object.entries(file.notes ?? {}))
    if (note.cites) check.cites(note.cites, ['notes', element, 'cites']);

  checkTimeline(file, eventIds, problems);
  problems.push(...checkCoalitions(file));
  return problems;
}

function checkFactDeclaration(fact: RawFact, at: DataPath, problems: Problem[]): void {
  if (fact.type === 'enum') {
    const values = new Set<string>();
    fact.values.forEach((v, i) => {
      if (!values.has(v)) values.add(v);
      else problems.push(error('duplicate-id', [...at, 'values', i], `value "${v}" is listed twice`));
    });
    if (!values.has(fact.initial))
      problems.push(unknown('value', fact.initial, [...at, 'initial'], fact.values, 'of this fact'));
  } else if (fact.type === 'integer') {
    if (fact.min > fact.max)
      problems.push(
        error('invalid-value', [...at, 'min'], `min ${fact.min} is above max ${fact.max} (expected min <= max)`),
      );
    else if (fact.initial < fact.min || fact.initial > fact.max)
      problems.push(
        error('invalid-value', [...at, 'initial'], `initial ${fact.initial} is outside ${fact.min}..${fact.max}`),
      );
  }
}

function checkTimeline(file: RawScenario, eventIds: readonly string[], problems: Problem[]): void {
  let lastDay = -Infinity;
  let lastId = '';
  const seen = new Set<string>();
  file.timeline.forEach((eventId, i) => {
    const at: DataPath = ['timeline', i];
    const event = Object.hasOwn(file.events, eventId) ? file.events[eventId] : undefined;
    if (!event) return problems.push(unknown('event', eventId, at, eventIds, ''));
    if (seen.has(eventId))
      return problems.push(
        error(
          'duplicate-id',
          at,
          `event "${eventId}" appears twice in the timeline (expected each historical event once)`,
        ),
      );
    seen.add(eventId);
    if (event.kind !== 'historical')
      return problems.push(
        error(
          'invalid-value',
          at,
          `event "${eventId}" is hypothetical (expected only historical events in the timeline)`,
        ),
      );
    const day = event.day ?? lastDay;
    if (day < lastDay)
      problems.push(
        error(
          'timeline-order',
          at,
          `event "${eventId}" is on day ${day}, before "${lastId}" on day ${lastDay} (expected days in order)`,
        ),
      );
    lastDay = Math.max(lastDay, day);
    lastId = eventId;
  });
  for (const [eventId, event] of Object.entries(file.events)) {
    if (event.kind === 'historical' && !seen.has(eventId)) {
      problems.push(
        warning(
          'unused-historical-event',
          ['events', eventId],
          `historical event "${eventId}" is not in the timeline, so no run replays it`,
          { at: 'key' },
        ),
      );
    }
  }
}

function forEachTransition(
  transitions: RawTransitions,
  at: DataPath,
  visit: (to: string, when: RawCondition | undefined, toAt: DataPath, whenAt: DataPath) => void,
): void {
  const list = Array.isArray(transitions) ? transitions : [transitions];
  list.forEach((t, i) => {
    const itemAt = Array.isArray(transitions) ? [...at, i] : at;
    if (typeof t === 'string') visit(t, undefined, itemAt, itemAt);
    else visit(t.to, t.when, [...itemAt, 'to'], [...itemAt, 'when']);
  });
}

/** An interval likelihood written upside down, at `at`: the likelihood as written (a value or `{ value, ... }`). */
function checkInterval(raw: RawLikelihood, at: DataPath): Problem[] {
  const judged = typeof raw === 'object' && !Array.isArray(raw);
  const likelihood = judged ? raw.value : raw;
  if (!Array.isArray(likelihood) || likelihood[0] <= likelihood[1]) return [];
  return [
    error(
      'invalid-value',
      judged ? [...at, 'value'] : at,
      `likelihood interval [${likelihood.join(', ')}] is upside down (expected [low, high])`,
    ),
  ];
}
