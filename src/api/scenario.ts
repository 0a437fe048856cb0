import { existsSync, statSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EventId, PartyId } from '../model/ids.js';
import { getPartyMachines, type PartyMachine } from '../model/machines.js';
import type { Model } from '../model/model.js';
import { PLAIN } from '../report/colors.js';
import { renderDiagnostics } from '../report/render-diagnostics.js';
import type { CheckedScenario } from '../scenario/check-scenario.js';
import { checkScenarioTextAt, readScenarioFile } from '../scenario/read-scenario.js';

/** A loaded scenario: its model, its parties as XState machines, its timeline. */
export interface Scenario {
  /** The file it was read from, or `<text>` for YAML given directly. */
  readonly file: string;
  /** The validated model: plain, deeply frozen data in the file's order. */
  readonly model: Model;
  /** Every party's XState v5 machine, in the model's order. */
  readonly machines: ReadonlyMap<PartyId, PartyMachine>;
  /** The historical events the timeline replays, in order. */
  readonly timeline: readonly EventId[];
  /** Warnings found while loading (errors make `loadScenario` throw). */
  readonly warnings: readonly Diagnostic[];
}

/** Thrown by `loadScenario` for a scenario with errors; `message` is the rendered diagnostics. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: readonly Diagnostic[],
    rendered: string,
  ) {
    super(rendered);
    this.name = 'ScenarioError';
  }
}

/**
 * Loads a scenario from a file path, or from YAML text (anything with a line break, or a string
 * that is not the path of an existing file). A scenario that `extends` another reads it too
 * (relative to its file, or for text to the working directory). Throws `ScenarioError`, whose message lists every
 * problem as `FILE:LINE:COL: ...`, if the scenario has an error.
 */
export function loadScenario(pathOrText: string, options: { file?: string } = {}): Scenario {
  const isPath = !pathOrText.includes('\n') && existsSync(pathOrText) && !statSync(pathOrText).isDirectory();
  const looksLikePath = !pathOrText.includes('\n') && /\.ya?ml$/i.test(pathOrText.trim());
  const checked =
    isPath || looksLikePath
      ? readScenarioFile(pathOrText)
      : checkScenarioTextAt(pathOrText, options.file ?? '<text>', process.cwd());
  return toScenario(checked);
}

/** Returns the scenario of a checked text, or throws `ScenarioError` with its diagnostics. */
export function toScenario(checked: CheckedScenario): Scenario {
  if (!checked.model)
    throw new ScenarioError(checked.file, checked.diagnostics, renderDiagnostics(checked, checked.diagnostics, PLAIN));
  return {
    file: checked.file,
    model: checked.model,
    machines: getPartyMachines(checked.model),
    timeline: checked.model.timeline,
    warnings: checked.diagnostics,
  };
}
