import * as z from 'zod';
import { ESTIMATIVE_WORDS } from './estimative.js';
import { getEstimativeWordPattern, isEstimativeWord } from './suggest-estimative-word.js';
import { ID_PATTERN } from './ids.js';
import { MAX_ID_LENGTH } from './input-limits.js';

/**
 * The scenario file format, version 1: the one schema that validates files and emits the JSON
 * Schema for editors. References between ids are checked afterwards (see check-references.ts),
 * because a schema cannot know which ids a file declares.
 */

export const idSchema = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, { error: `expected ${what}: a letter, then letters, digits, "-" or "_"` })
    .max(MAX_ID_LENGTH, { error: `expected ${what} of at most ${MAX_ID_LENGTH} characters` })
    .describe(what);
export const textSchema = (what: string) => z.string().trim().min(1).describe(what);
const id = idSchema;
const text = textSchema;

export const CitesSchema = z
  .array(
    z
      .string()
      .regex(ID_PATTERN)
      .max(MAX_ID_LENGTH, { error: `expected a paragraph id of at most ${MAX_ID_LENGTH} characters` })
      .describe('a paragraph id declared in source.paragraphs, such as P7'),
  )
  .min(1)
  .describe('The source paragraphs this entry comes from (at least one).');
const Cites = CitesSchema;

const FactValue = z.union([z.string(), z.boolean(), z.number().int()]);

const Comparison = z
  .strictObject({
    is: FactValue.optional().describe('equals this value'),
    not: FactValue.optional().describe('differs from this value'),
    in: z.array(FactValue).min(1).optional().describe('is one of these values'),
    notIn: z.array(FactValue).min(1).optional().describe('is none of these values'),
    atLeast: z.number().int().optional().describe('integer >= this'),
    atMost: z.number().int().optional().describe('integer <= this'),
    above: z.number().int().optional().describe('integer > this'),
    below: z.number().int().optional().describe('integer < this'),
  })
  .describe('A test on one value; every key given must hold.');

const FactTest = z.union([FactValue, Comparison], {
  error: 'expected a value (text, true/false or an integer) or a comparison such as { atLeast: 1 }',
});

export const ConditionSchema: z.ZodType<RawCondition> = z
  .strictObject({
    get all() {
      return z.array(ConditionSchema).min(1).optional().describe('every condition holds');
    },
    get any() {
      return z.array(ConditionSchema).min(1).optional().describe('at least one condition holds');
    },
    get not() {
      return ConditionSchema.optional().describe('the condition does not hold');
    },
    stance: z
      .record(id('a party id'), z.union([id('a stance id'), z.array(id('a stance id')).min(1)]))
      .optional()
      .describe('each party listed is in the stance given (or one of the stances listed)'),
    fact: z.record(id('a fact id'), FactTest).optional().describe('each fact listed passes its test'),
    day: Comparison.optional().describe('the simulated day passes this test'),
  })
  .describe('A condition on the joint state. Every key given must hold.');

export interface RawComparison {
  is?: string | boolean | number;
  not?: string | boolean | number;
  in?: (string | boolean | number)[];
  notIn?: (string | boolean | number)[];
  atLeast?: number;
  atMost?: number;
  above?: number;
  below?: number;
}
export interface RawCondition {
  all?: RawCondition[];
  any?: RawCondition[];
  not?: RawCondition;
  stance?: Record<string, string | string[]>;
  fact?: Record<string, string | boolean | number | RawComparison>;
  day?: RawComparison;
}

const factCommon = {
  describes: text('What this fact records.'),
  cites: Cites,
};

const FactSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('enum'),
      values: z.array(id('a value')).min(1).describe('The values the fact can take.'),
      initial: id('a value').describe('The value before the first event.'),
      ...factCommon,
    }),
    z.strictObject({
      type: z.literal('boolean'),
      initial: z.boolean().describe('The value before the first event.'),
      ...factCommon,
    }),
    z.strictObject({
      type: z.literal('integer'),
      min: z.number().int().describe('Smallest value; `add` saturates here.'),
      max: z.number().int().describe('Largest value; `add` saturates here.'),
      initial: z.number().int().describe('The value before the first event.'),
      ...factCommon,
    }),
  ],
  { error: 'expected a fact with `type: enum`, `type: boolean` or `type: integer`' },
);

const TransitionSchema = z.strictObject({
  to: id('a stance id of this party').describe('The stance the party moves to.'),
  when: ConditionSchema.optional().describe('Taken only if this holds before the event.'),
});

const TransitionsSchema = z.union(
  [id('a stance id'), TransitionSchema, z.array(z.union([id('a stance id'), TransitionSchema])).min(1)],
  { error: 'expected a stance id, { to, when } or a list of them (the first whose `when` holds is taken)' },
);

const StanceSchema = z.strictObject({
  defines: text('What defines this stance, in the source’s terms.'),
  cites: Cites,
  on: z
    .record(id('an event id'), TransitionsSchema)
    .optional()
    .describe('Event id -> the stance it moves the party to.'),
});

const PreferenceSchema = z.union(
  [
    id('an outcome id'),
    z.strictObject({
      label: text('The condition in words, as outputs name it.'),
      when: ConditionSchema,
    }),
    ConditionSchema,
  ],
  { error: 'expected an outcome id, a condition, or { label, when }' },
);

const PartySchema = z.strictObject({
  name: text('Display name.'),
  voice: text('Who speaks for the party in the source.').optional(),
  cites: Cites,
  initial: id('a stance id').describe('The stance before the first event.'),
  stances: z.record(id('a stance id'), StanceSchema).describe('The party’s stances: its machine’s states.'),
  prefers: z
    .array(
      z.union([PreferenceSchema, z.array(PreferenceSchema).min(1)], {
        error: 'expected an outcome id, a condition, or a list of them (equally preferred)',
      }),
    )
    .min(1)
    .optional()
    .describe(
      'Ordinal preferences, best first: outcome ids or conditions, or lists of them that are equally preferred (a tier); a state ranks by the first entry that holds there.',
    ),
  prioritises: z
    .array(PreferenceSchema)
    .min(1)
    .optional()
    .describe(
      'Preferences by option prioritisation, most important first: outcome ids or conditions; a state scores 2^(n-k) for the k-th of n that holds there, and a higher total is preferred (instead of prefers).',
    ),
});

const Probability = z.number().gt(0).lt(1);
const LIKELIHOOD_EXPECTED = `expected a probability above 0 and below 1, an interval [low, high] of them, or an estimative word: ${ESTIMATIVE_WORDS.join(', ')}`;
/** An ICD 203 word, whatever its case; for editors, a pattern that says so and the words to complete. */
const EstimativeWord = z
  .string()
  .refine(isEstimativeWord, { error: LIKELIHOOD_EXPECTED, params: { estimative: true } })
  .meta({ pattern: getEstimativeWordPattern(), examples: [...ESTIMATIVE_WORDS] });
const LikelihoodValue = z.union([Probability, EstimativeWord, z.tuple([Probability, Probability])], {
  error: LIKELIHOOD_EXPECTED,
});
/** ICD 203's levels of analytic confidence in a judgement. */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export const LikelihoodSchema = z.union(
  [
    LikelihoodValue,
    z.strictObject({
      value: LikelihoodValue.describe('A probability, an interval [low, high], or an ICD 203 estimative word.'),
      rationale: text('Why this likelihood: what in the cited paragraphs (or outside them) supports it.').optional(),
      confidence: z
        .enum(CONFIDENCE_LEVELS)
        .optional()
        .describe("ICD 203's analytic confidence in the judgement: low, moderate or high."),
    }),
  ],
  { error: `${LIKELIHOOD_EXPECTED}; or a mapping with value, rationale and confidence` },
);

const EventSchema = z.strictObject({
  kind: z.enum(['historical', 'hypothetical']).describe('Reported as happened, or a possible future.'),
  summary: text('One line saying what happens.'),
  day: z.number().int().optional().describe('Historical events: the simulated day (0 is the day of the report).'),
  dayNote: text('How the day was read from the source, when it is approximate.').optional(),
  likelihood: LikelihoodSchema.optional().describe(
    'Hypothetical events: a probability, an interval [low, high], or an ICD 203 estimative word.',
  ),
  window: z
    .number()
    .positive()
    .optional()
    .describe(
      "Hypothetical events: the days within which its likelihood is the chance that it happens, if it stays possible (default: the scenario's likelihoodWindow).",
    ),
  by: id('a party id').optional().describe('Hypothetical events: the party whose move it is (for stability analysis).'),
  alternative: z
    .strictObject({
      likelihood: LikelihoodSchema.describe(
        'A probability, an interval [low, high], or an ICD 203 estimative word: the chance that it happens within the window, as a hypothetical event.',
      ),
      window: z
        .number()
        .positive()
        .optional()
        .describe("The days within which that likelihood is meant (default: the scenario's likelihoodWindow)."),
    })
    .optional()
    .describe(
      'Historical events: what else might have happened. A question that starts where the event has not happened (before it, or --without it or an event it needed) has it as a hypothetical event of this likelihood; without an alternative it cannot happen there.',
    ),
  cites: Cites,
  quote: text('A short verbatim fragment of a cited paragraph.'),
  requires: ConditionSchema.optional().describe('Precondition on the joint state before the event.'),
  urgent: z
    .union([z.boolean(), ConditionSchema])
    .optional()
    .describe(
      'Hypothetical events: a deadline. While it is possible (and, if a condition, while that holds), the day cannot end without it: at the end of the day it happens, if it has not already.',
    ),
  set: z.record(id('a fact id'), FactValue).optional().describe('Facts set by the event.'),
  add: z
    .record(id('a fact id'), z.number().int())
    .optional()
    .describe('Integer facts increased (or decreased) by the event.'),
});

const OutcomeSchema = z.strictObject({
  means: text('What the outcome means.'),
  cites: Cites,
  when: ConditionSchema.describe('The outcome holds in every joint state where this holds.'),
});

export const NoteSchema = z
  .strictObject({
    assumption: text(
      'The element is the modeller’s assumption, not what a cited paragraph says: why it is made.',
    ).optional(),
    inert: text('Why the element stays although removing it changes no outcome (as `parley ablate` finds).').optional(),
    cites: Cites.optional(),
  })
  .refine((note) => note.assumption !== undefined || note.inert !== undefined, {
    error: 'expected a note with assumption, inert or both',
  });

export const SourceSchema = z.strictObject({
  title: text('Title of the source text.'),
  publisher: text('Who published it.').optional(),
  url: text('Where it can be read.').optional(),
  note: text('Anything a reader should know about the source.').optional(),
  paragraphs: z.array(id('a paragraph id')).min(1).describe('The ids of the source’s paragraphs, e.g. [P1, P2].'),
});

/** The coalitions `parley stability` judges unless told otherwise: each two or more parties with preferences. */
export const CoalitionsSchema = z
  .array(z.array(id('a party id')).min(2, { error: 'expected a coalition of two or more parties' }))
  .min(1)
  .describe(
    'Coalitions that parley stability judges (coalition Nash and SEQ) unless --coalition says otherwise: each a list of two or more parties with preferences.',
  );

/** The whole scenario file. */
export const ScenarioFileSchema = z
  .strictObject({
    parley: z.literal(1).describe('Format version: 1.'),
    extends: text(
      "A scenario this one builds on (a path relative to this file): its entries, with this file's added or changed on top.",
    ).optional(),
    title: text('Title of the scenario.'),
    description: text('What the scenario models.').optional(),
    source: SourceSchema,
    dayZero: text('What day 0 is in the source.').optional(),
    likelihoodWindow: z
      .number()
      .positive()
      .optional()
      .describe(
        "Days within which a hypothetical event's likelihood is the chance that it happens, if it stays possible (default 7).",
      ),
    facts: z.record(id('a fact id'), FactSchema).optional().describe('Shared world state, typed.'),
    parties: z.record(id('a party id'), PartySchema).describe('The parties; each becomes an XState machine.'),
    events: z.record(id('an event id'), EventSchema).describe('Historical and hypothetical events.'),
    outcomes: z.record(id('an outcome id'), OutcomeSchema).describe('Outcomes the explorer reports.'),
    timeline: z
      .array(id('an event id'))
      .min(1)
      .describe('The historical events, in the order the scenario replays them.'),
    coalitions: CoalitionsSchema.optional(),
    notes: z
      .record(z.string().min(1), NoteSchema)
      .optional()
      .describe(
        'Notes on modelling elements, keyed by the element as `parley ablate` names it (events.x.requires.fact.y, parties.p.stances.s.on.e): the modeller’s assumptions, and why an inert element stays.',
      ),
  })
  .describe('A parley scenario: parties, stances, facts, events and outcomes, each citing its source.');

/** The same format with any timeline, even empty, for checking what else a broken file holds. */
export const SalvageSchema = ScenarioFileSchema.extend({ timeline: z.array(z.string()) });

export type RawScenario = z.infer<typeof ScenarioFileSchema>;
export type RawFact = z.infer<typeof FactSchema>;
export type RawEvent = z.infer<typeof EventSchema>;
/** A likelihood as written: a value, or `{ value, rationale, confidence }`. */
export type RawLikelihood = z.infer<typeof LikelihoodSchema>;
export type RawTransitions = z.infer<typeof TransitionsSchema>;

/** An entry of `prefers` as written: one outcome id or condition. */
export type RawPreference = z.infer<typeof PreferenceSchema>;

/** True when an entry of `prefers` is a tier: a list of equally preferred entries. */
export function isPreferenceTier(entry: RawPreference | readonly RawPreference[]): entry is readonly RawPreference[] {
  return Array.isArray(entry);
}
