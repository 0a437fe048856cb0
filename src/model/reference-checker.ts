import { error, type DataPath, type Problem } from './problem.js';
import { type RawComparison, type RawCondition, type RawFact, type RawScenario } from './schema.js';
import { didYouMean, listIds } from './suggest.js';

/** A reference to an id that is not declared, with the ids that are and the nearest as a hint. */
export function unknown(
  kind: string,
  id: string,
  at: DataPath,
  known: readonly string[],
  owner: string,
  position: 'key' | 'value' = 'value',
): Problem {
  const scope = owner ? ` ${owner}` : '';
  return error(
    'unknown-reference',
    at,
    `unknown ${kind} "${id}" (expected ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}${scope}: ${listIds(known)})`,
    {
      at: position,
      hint: didYouMean(id, known),
      reference: id,
    },
  );
}

/** The checks every part of a file makes of the ids and values it mentions. */
export interface Checker {
  cites(cites: readonly string[], at: DataPath): void;
  condition(condition: RawCondition, at: DataPath): void;
  fact(factId: string, at: DataPath): RawFact | undefined;
  factValue(factId: string, value: unknown, at: DataPath): void;
}

/**
 * Returns the checks of ids and values against what the file declares; each problem found is
 * pushed onto `problems`. Pure apart from that list.
 */
export function createChecker(file: RawScenario, problems: Problem[]): Checker {
  const facts = file.facts ?? {};
  const factIds = Object.keys(facts);
  const partyIds = Object.keys(file.parties);
  const paragraphs = new Set(file.source.paragraphs);
  // Each party's stances, as a list for messages and a set to look up, made on first use.
  const stancesOf = new Map<string, { readonly ids: readonly string[]; readonly set: ReadonlySet<string> }>();
  const getStances = (partyId: string, stances: object) => {
    let known = stancesOf.get(partyId);
    if (!known) {
      const ids = Object.keys(stances);
      known = { ids, set: new Set(ids) };
      stancesOf.set(partyId, known);
    }
    return known;
  };

  const checker: Checker = {
    cites(cites, at) {
      cites.forEach((p, i) => {
        if (!paragraphs.has(p))
          problems.push(unknown('paragraph', p, [...at, i], file.source.paragraphs, 'declared in source.paragraphs'));
      });
    },
    fact(factId, at) {
      // Own keys only: an id such as "constructor" must not find Object.prototype's.
      const fact = Object.hasOwn(facts, factId) ? facts[factId] : undefined;
      if (!fact) problems.push(unknown('fact', factId, at, factIds, '', 'key'));
      return fact;
    },
    factValue(factId, value, at) {
      const fact = checker.fact(factId, at);
      const wrong = fact && describeMismatch(fact, value);
      if (wrong)
        problems.push(
          error('invalid-value', at, `fact "${factId}" cannot be ${JSON.stringify(value)} (expected ${wrong})`),
        );
    },
    condition(condition, at) {
      condition.all?.forEach((c, i) => checker.condition(c, [...at, 'all', i]));
      condition.any?.forEach((c, i) => checker.condition(c, [...at, 'any', i]));
      if (condition.not) checker.condition(condition.not, [...at, 'not']);
      for (const [partyId, stances] of Object.entries(condition.stance ?? {})) {
        const party = Object.hasOwn(file.parties, partyId) ? file.parties[partyId] : undefined;
        if (!party) {
          problems.push(unknown('party', partyId, [...at, 'stance', partyId], partyIds, '', 'key'));
          continue;
        }
        const known = getStances(partyId, party.stances);
        const list = Array.isArray(stances) ? stances : [stances];
        list.forEach((s, i) => {
          const sAt = Array.isArray(stances) ? [...at, 'stance', partyId, i] : [...at, 'stance', partyId];
          if (!known.set.has(s)) problems.push(unknown('stance', s, sAt, known.ids, `of party "${partyId}"`));
        });
      }
      for (const [factId, test] of Object.entries(condition.fact ?? {})) {
        const fAt: DataPath = [...at, 'fact', factId];
        if (typeof test !== 'object') {
          checker.factValue(factId, test, fAt);
          continue;
        }
        const fact = checker.fact(factId, fAt);
        if (fact)
          checkComparison(test, fAt, (v) => describeMismatch(fact, v), fact.type === 'integer', `fact "${factId}"`);
      }
      if (condition.day)
        checkComparison(
          condition.day,
          [...at, 'day'],
          (v) => (Number.isInteger(v) ? undefined : 'an integer day'),
          true,
          'the day',
        );
    },
  };

  function checkComparison(
    c: RawComparison,
    at: DataPath,
    mismatch: (v: unknown) => string | undefined,
    ordered: boolean,
    subject: string,
  ): void {
    if (Object.keys(c).length === 0)
      problems.push(
        error(
          'missing-key',
          at,
          `empty comparison for ${subject} (expected is, not, in, notIn, atLeast, atMost, above or below)`,
        ),
      );
    for (const key of ['is', 'not'] as const) {
      const v = c[key];
      const wrong = v !== undefined && mismatch(v);
      if (wrong)
        problems.push(
          error('invalid-value', [...at, key], `${subject} is compared with ${JSON.stringify(v)} (expected ${wrong})`),
        );
    }
    for (const key of ['in', 'notIn'] as const) {
      c[key]?.forEach((v, i) => {
        const wrong = mismatch(v);
        if (wrong)
          problems.push(
            error(
              'invalid-value',
              [...at, key, i],
              `${subject} is compared with ${JSON.stringify(v)} (expected ${wrong})`,
            ),
          );
      });
    }
    if (!ordered) {
      for (const key of ['atLeast', 'atMost', 'above', 'below'] as const) {
        if (c[key] !== undefined)
          problems.push(
            error(
              'invalid-value',
              [...at, key],
              `"${key}" compares ${subject}, which is not an integer (expected is, not, in or notIn)`,
              { at: 'key' },
            ),
          );
      }
    }
  }

  return checker;
}

/** Each enum's values as a set, made once per list: a condition may test a fact of thousands of values many times. */
const valueSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function getValueSet(values: readonly string[]): ReadonlySet<string> {
  let set = valueSets.get(values);
  if (!set) {
    set = new Set(values);
    valueSets.set(values, set);
  }
  return set;
}

/** Returns what the fact expects when the value does not fit it, else undefined. */
function describeMismatch(fact: RawFact, value: unknown): string | undefined {
  switch (fact.type) {
    case 'enum':
      return typeof value === 'string' && getValueSet(fact.values).has(value)
        ? undefined
        : `one of ${listIds(fact.values)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= fact.min && (value as number) <= fact.max
        ? undefined
        : `an integer in ${fact.min}..${fact.max}`;
  }
}
