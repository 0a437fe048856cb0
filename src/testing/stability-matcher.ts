import { stability } from '../api/analyses.js';
import { CONCEPT_NAMES, describeImprovingMoves } from '../analysis/describe-improving-moves.js';
import { CONCEPTS, type Concept, type PositionStability } from '../analysis/stability.js';
import type { JointState } from '../engine/joint-state.js';
import { toJointStateJson } from '../engine/serialise.js';
import { assertScenario } from './assert-scenario.js';
import { didYouMean } from '../model/suggest.js';
import { validateOptions } from '../options/validate-options.js';
import { STABLE_OPTIONS } from '../options/question-option-rules.js';
import type { MatcherOutcome, ReachOptions } from './matchers.js';
import { describeStartAndHorizon } from './messages.js';
import { assertOutcome } from '../api/outcome-lookup.js';

/** Options of `toBeStable`: where to look from, and one party instead of every party with preferences. */
export interface StableOptions extends Omit<ReachOptions, 'path'> {
  /** Judge only this party (its id), which must have preferences (absent: every party with preferences). */
  readonly party?: string;
}

/**
 * Whether a position is stable under a concept of the Graph Model for Conflict Resolution (as
 * `parley stability` judges it): `where` is an outcome id (the first position where it holds) or a
 * joint state (`run(scenario).at(step)`); stable for every party with preferences, or for
 * `options.party`; `concept` in any case (`SEQ` or `seq`). A search cut short decides nothing.
 */
export function toBeStable(
  received: unknown,
  where: string | JointState,
  named: string = 'nash',
  options: StableOptions = {},
  isNot = false,
): MatcherOutcome {
  assertScenario(received, 'toBeStable');
  // Written as the literature writes them (`SEQ`) or as the command line does (`seq`).
  const concept = named.toLowerCase() as Concept;
  if (!CONCEPTS.includes(concept)) throw new Error(`unknown concept "${named}"; the concepts: ${CONCEPTS.join(', ')}`);
  const isOutcome = typeof where === 'string';
  if (isOutcome) assertOutcome(received, where);
  validateOptions('toBeStable', options, STABLE_OPTIONS);
  const { party: _party, ...question } = options;
  const result = stability(received, {
    ...question,
    concepts: [concept],
    ...(!isOutcome && { at: toJointStateJson(received.model, where) }),
  });
  const here = describeStartAndHorizon(
    { description: result.start.description, joint: { day: result.start.day } },
    result.horizon,
  );
  const position: PositionStability | null | undefined = isOutcome
    ? result.outcomes.find((o) => o.id === where)?.first
    : result.at;
  const name = isOutcome ? `the first position where "${where}" holds` : 'this position';
  if (!result.exhaustive)
    return { pass: isNot, message: () => `cannot judge ${name} ${here}: the search was cut (raise maxStates)` };
  if (!position) return { pass: isNot, message: () => `${name} is not reached ${here}, so it cannot be judged` };
  const party = options.party;
  if (party !== undefined && !position.parties.some((p) => p.party === party)) {
    const known = position.parties.map((p) => p.party as string);
    const hint = didYouMean(party, known);
    const kind = received.model.parties.some((p) => p.id === party)
      ? 'is a party without preferences'
      : 'is not a party';
    throw new Error(`"${party}" ${kind}${hint ? ` (${hint})` : ''}; the parties with preferences: ${known.join(', ')}`);
  }
  const judged = party === undefined ? position.parties : position.parties.filter((p) => p.party === party);
  const pass = judged.every((p) => p.stable[concept]);
  const who = party ?? 'every party with preferences';
  const why = describeImprovingMoves({ ...position, parties: judged }, [concept]).join('\n  ');
  return {
    pass,
    message: () =>
      pass
        ? `expected ${name} ${here} not to be ${CONCEPT_NAMES[concept]} stable for ${who}, but it is${why ? `:\n  ${why}` : ' (no party has an improvement)'}`
        : `expected ${name} ${here} to be ${CONCEPT_NAMES[concept]} stable for ${who}, but it is not:\n  ${why}`,
  };
}
