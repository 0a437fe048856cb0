import * as z from 'zod';
import { OptionFormSchema } from './option-form/option-form-schema.js';
import { ScenarioFileSchema } from './schema.js';

/** The JSON Schema (draft 2020-12) of the scenario format, for editors: the event form or the option form. Pure. */
export function getScenarioJsonSchema(): object {
  const options = { target: 'draft-2020-12', io: 'input' } as const;
  const { $schema, ...eventForm } = z.toJSONSchema(ScenarioFileSchema, options) as Record<string, unknown>;
  const { $schema: _, ...optionForm } = z.toJSONSchema(OptionFormSchema, options) as Record<string, unknown>;
  return {
    $schema,
    description: 'A parley scenario: in the event form (parties with stances and events) or the option form.',
    anyOf: [eventForm, optionForm],
  };
}
