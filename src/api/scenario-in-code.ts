import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { stringify } from 'yaml';
import { OptionError } from '../analysis/option-error.js';
import type { Likelihood } from '../model/model.js';
import { checkScenarioTextAt } from '../scenario/read-scenario.js';
import { assertHypotheticalEvent } from './hypothetical-event.js';
import { assertCheckedScenario, toScenario, type Scenario } from './scenario.js';

// Scenarios built or changed in code go through the file format's own reader: the object is
// written as YAML and read back, so that it is validated as a file is, with the same diagnostic
// codes, and a change is an overlay (`extends`) of the scenario's file.

/**
 * Builds a scenario from an object in the file format (what `loadScenario` reads from YAML),
 * validated as a file is. Throws `ScenarioError` with the same diagnostics a file would get; `file`
 * names it in them (default `<object>`), and a relative `extends` is read from the working directory.
 */
export function scenarioFromObject(data: unknown, options: { readonly file?: string } = {}): Scenario {
  return toScenario(checkScenarioTextAt(stringify(data), options.file ?? '<object>', process.cwd()));
}

/**
 * Returns the scenario with `overlay` laid over it, as an overlay file with `extends:` would be
 * (mappings merge entry by entry, a list or value replaces, `null` removes), validated as a file
 * is. The scenario must come from a file (`loadScenario(path)`). Throws `ScenarioError` for a
 * change that makes it invalid, `OptionError` for a scenario not read from a file.
 */
export function withOverlay(scenario: Scenario, overlay: Readonly<Record<string, unknown>>): Scenario {
  assertCheckedScenario(scenario, 'withOverlay');
  const { file } = scenario;
  if (!existsSync(file) || !statSync(file).isFile())
    throw new OptionError(
      `withOverlay: the scenario must be loaded from a file (it extends it), got one from ${JSON.stringify(file)}`,
    );
  if (typeof overlay !== 'object' || overlay === null || Array.isArray(overlay))
    throw new OptionError('withOverlay: expected the overlay as an object in the file format');
  const text = stringify({ ...overlay, extends: basename(file) });
  return toScenario(checkScenarioTextAt(text, `<overlay of ${file}>`, dirname(file)));
}

/**
 * Returns the scenario with a hypothetical event's likelihood changed (an estimative word, a
 * probability, or `{ value, rationale?, confidence? }`), validated as a file is. Throws
 * `OptionError` for an event that is not hypothetical, `ScenarioError` for a likelihood the
 * format refuses.
 */
export function withLikelihood(scenario: Scenario, event: string, likelihood: Likelihood | string | number): Scenario {
  assertCheckedScenario(scenario, 'withLikelihood');
  assertHypotheticalEvent(scenario, event, 'withLikelihood');
  return withOverlay(scenario, { events: { [event]: { likelihood } } });
}

/**
 * Returns the scenario without a hypothetical event: the event, every transition on it and every
 * note on either removed, validated as a file is. Throws `OptionError` for an event that is not
 * hypothetical.
 */
export function withoutEvent(scenario: Scenario, event: string): Scenario {
  assertCheckedScenario(scenario, 'withoutEvent');
  assertHypotheticalEvent(scenario, event, 'withoutEvent');
  const parties: Record<string, unknown> = {};
  for (const party of scenario.model.parties) {
    const stances: Record<string, unknown> = {};
    for (const stance of party.stances)
      if (stance.on.some((t) => t.event === event)) stances[stance.id] = { on: { [event]: null } };
    if (Object.keys(stances).length > 0) parties[party.id] = { stances };
  }
  // A note names its element by place (`events.x.requires...`, `parties.p.stances.s.on.x`).
  // A note names its element by place, dot-separated (`events.x.requires...`, `parties.p.stances.s.on.x`); ids have no dots.
  const named = (element: string) => {
    const parts = element.split('.');
    return (parts[0] === 'events' && parts[1] === event) || parts.some((p, i) => p === 'on' && parts[i + 1] === event);
  };
  const notes = Object.fromEntries(
    (scenario.model.notes ?? []).filter((n) => named(n.element)).map((n) => [n.element, null]),
  );
  return withOverlay(scenario, {
    events: { [event]: null },
    ...(Object.keys(parties).length > 0 && { parties }),
    ...(Object.keys(notes).length > 0 && { notes }),
  });
}
