import type { Command } from 'commander';
import { getScenarioJsonSchema } from '../../model/scenario-json-schema.js';
import type { CliIo } from '../io.js';

/** `parley schema`: prints the JSON Schema of the scenario format. */
export function addSchemaCommand(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description(
      'Print the JSON Schema (draft 2020-12) of the scenario format, for editors. The same file ships as schema/scenario.schema.json.',
    )
    .action(() => {
      io.stdout(`${JSON.stringify(getScenarioJsonSchema(), null, 2)}\n`);
    });
}
