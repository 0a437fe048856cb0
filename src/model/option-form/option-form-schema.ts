import * as z from 'zod';
import {
  CitesSchema,
  CoalitionsSchema,
  idSchema,
  LikelihoodSchema,
  NoteSchema,
  SourceSchema,
  textSchema,
} from '../schema.js';
import { OptionStatementSchema } from './option-statement.js';

/**
 * The option form of a scenario (the graph model's way of writing a conflict): each party a
 * decision maker with yes/no options, combinations that cannot happen, which way each option may
 * move, and preferences as option statements. parley expands it into the ordinary format.
 */
const OptionSchema = z.strictObject({
  means: textSchema('What taking the option means.'),
  cites: CitesSchema,
  quote: textSchema('A short verbatim fragment of a cited paragraph that states the option.'),
  moves: z
    .enum(['both', 'forward', 'backward'])
    .optional()
    .describe('Which way it may change: both (default), forward (it can only be taken), backward (only dropped).'),
});

const PreferenceEntry = z.union([idSchema('an outcome id'), OptionStatementSchema], {
  error: 'expected an outcome id or an option statement',
});

const OptionPartySchema = z.strictObject({
  name: textSchema('Display name.'),
  voice: textSchema('Who speaks for the party in the source.').optional(),
  cites: CitesSchema,
  options: z.record(idSchema('an option id'), OptionSchema).describe('The options this party controls.'),
  initially: z
    .array(idSchema('an option id'))
    .optional()
    .describe('The options it has taken at the status quo (default none).'),
  prefers: z
    .array(z.union([PreferenceEntry, z.array(PreferenceEntry).min(1)]))
    .min(1)
    .optional()
    .describe('Direct ranking, best first: outcome ids or option statements, or lists of them equally preferred.'),
  prioritises: z
    .array(PreferenceEntry)
    .min(1)
    .optional()
    .describe(
      'Option prioritisation, most important first: a state scores 2^(n-k) for the k-th of n statements that holds there; a higher total is preferred.',
    ),
  likelihood: LikelihoodSchema.describe(
    'The likelihood of each of its moves, for the odds (the graph model gives none: say what is assumed, with a rationale).',
  ),
});

export const OptionFormSchema = z
  .strictObject({
    parley: z.literal(1),
    title: textSchema('Title of the scenario.'),
    description: textSchema('What the scenario models.').optional(),
    source: SourceSchema,
    dayZero: textSchema('What day 0 is in the source.').optional(),
    likelihoodWindow: z.number().positive().optional(),
    parties: z.record(idSchema('a party id'), OptionPartySchema).describe('The decision makers and their options.'),
    infeasible: z
      .array(OptionStatementSchema)
      .optional()
      .describe('Statements no state may satisfy: combinations of options that cannot happen.'),
    statusQuo: z
      .strictObject({
        summary: textSchema('What the status quo is.'),
        cites: CitesSchema,
        quote: textSchema('A short verbatim fragment of a cited paragraph.'),
        day: z.number().int().optional(),
      })
      .describe('Where the conflict stands when the analysis starts: the timeline’s one event.'),
    outcomes: z
      .record(
        idSchema('an outcome id'),
        z.strictObject({
          means: textSchema('What the outcome means.'),
          cites: CitesSchema,
          when: OptionStatementSchema,
        }),
      )
      .optional(),
    coalitions: CoalitionsSchema.optional(),
    notes: z
      .record(z.string().min(1), NoteSchema)
      .optional()
      .describe('Notes on modelling elements of the expanded scenario, as `parley ablate` names them.'),
  })
  .describe('A parley scenario in option form: decision makers with options, as the graph model writes a conflict.');

export type RawOptionForm = z.infer<typeof OptionFormSchema>;
export type RawOptionParty = z.infer<typeof OptionPartySchema>;

/** True when a file's data is in the option form: some party declares `options`. */
export function isOptionForm(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const parties = (data as { parties?: unknown }).parties;
  if (typeof parties !== 'object' || parties === null) return false;
  return Object.values(parties).some((p) => typeof p === 'object' && p !== null && 'options' in p);
}
