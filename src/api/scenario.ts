import { existsSync, statSync } from 'node:fs';
import { OptionError } from '../analysis/option-error.js';
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

/** The scenarios made by this module from a checked model: only these are answered. */
const checkedScenarios = new WeakSet<Scenario>();

/** Returns the scenario of a checked text, or throws `ScenarioError` with its diagnostics. */
export function toScenario(checked: CheckedScenario): Scenario {
  if (!checked.model)
    throw new ScenarioError(checked.file, checked.diagnostics, renderDiagnostics(checked, checked.diagnostics, PLAIN));
  return trustCheckedModel(checked.model, checked.file, checked.diagnostics);
}

/**
 * Returns a scenario of a model that parley itself has checked, or derived from a checked one
 * (a variant without an event, as the analyses make): not exported from the package, whose users
 * build scenarios with `loadScenario` or `scenarioFromObject`.
 */
export function trustCheckedModel(model: Model, file: string, warnings: readonly Diagnostic[] = []): Scenario {
  const scenario: Scenario = {
    file,
    model,
    machines: getPartyMachines(model),
    timeline: model.timeline,
    warnings,
  };
  checkedScenarios.add(scenario);
  return scenario;
}

/**
 * Throws `OptionError` unless `value` is a scenario parley checked (from `loadScenario`,
 * `scenarioFromObject` or the `with...` functions): a model put together by hand has not been
 * validated, and a likelihood of 2 in one would make every answer wrong without a word.
 */
export function assertCheckedScenario(value: unknown, context: string): asserts value is Scenario {
  if (typeof value === 'object' && value !== null && checkedScenarios.has(value as Scenario)) return;
  const what =
    typeof value === 'object' && value !== null && 'model' in value ? 'a scenario built by hand' : typeof value;
  throw new OptionError(
    `${context}: expected a scenario from loadScenario() or scenarioFromObject(), which check it, got ${what}`,
  );
}
