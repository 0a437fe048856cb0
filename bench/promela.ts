import type { EventId } from '../src/model/ids.js';
import type { Model, Party } from '../src/model/model.js';

/**
 * Writes a parallel model as Promela, for SPIN to search the same graph as parley's `explore` with
 * `horizonDays: 1`: one process per party, moving the party's stance (a byte: its index in the
 * file's order) as the party's `on` says on each of its events, and one process for the day
 * passing. Where time is up nothing more happens and nothing counts, so parley keeps one state for
 * all of it; here the day's passing sets every stance to 0 at once, so SPIN stores each joint
 * stance of the start day and one state when time is up, and a move for each of parley's.
 *
 * Each move is one `d_step`, so that SPIN stores no state between its guard and its assignment;
 * the loops are `end` states, so the state when time is up is a valid end state, not a deadlock.
 * A parallel model has no facts and no conditions, and each event moves one party: any other
 * model is refused with an Error. Pure; the text grows with the parties' stances times events.
 */
export function writePromela(model: Model): string {
  refuseUnlessParallel(model);
  const stances = model.parties.map((party) => {
    const names = party.stances.map((stance, i) => `${i} ${stance.id}`).join(', ');
    return `byte ${variableOf(party)} = ${party.stances.findIndex((s) => s.id === party.initial)}; /* ${names} */`;
  });
  const lines = [
    `/* ${model.title.replaceAll('*/', '* /')}: ${model.parties.length} parties, written from the scenario for SPIN. */`,
    '',
    ...stances,
    'bit up; /* the start day has passed: time is up and nothing moves */',
    '',
    `active proctype day() { d_step { up = 1; ${model.parties.map((p) => `${variableOf(p)} = 0`).join('; ')} } }`,
  ];
  for (const party of model.parties) lines.push('', ...writeParty(model, party));
  return `${lines.join('\n')}\n`;
}

/** The global variable holding a party's stance. */
function variableOf(party: Party): string {
  return `stance_${party.id.replace(/-/g, '_')}`;
}

function writeParty(model: Model, party: Party): string[] {
  const index = new Map(party.stances.map((stance, i) => [stance.id, i]));
  const hypothetical = new Set(model.events.filter((e) => e.kind === 'hypothetical').map((e) => e.id));
  const s = variableOf(party);
  const moves: string[] = [];
  party.stances.forEach((stance, from) => {
    for (const t of stance.on) {
      // A move to the same stance changes nothing, and parley does not count it as a move.
      if (!hypothetical.has(t.event) || t.to === stance.id) continue;
      moves.push(
        `  :: d_step { !up && ${s} == ${from} -> ${s} = ${index.get(t.to)} } /* ${stance.id} -> ${t.to} on ${t.event} */`,
      );
    }
  });
  return [`active proctype party_${party.id.replace(/-/g, '_')}() {`, 'end:', '  do', ...moves, '  od', '}'];
}

/** Throws unless every hypothetical event moves one party, unconditionally, and the model has no facts. */
function refuseUnlessParallel(model: Model): void {
  const problem = (what: string) => new Error(`${model.title} is not a parallel model: ${what}`);
  if (model.facts.length > 0) throw problem('it has facts');
  const movedBy = new Map<EventId, string>();
  for (const party of model.parties) {
    if (party.stances.length > 256) throw problem(`${party.id} has more than 256 stances, more than a byte holds`);
    for (const stance of party.stances)
      for (const t of stance.on) {
        if (t.when) throw problem(`${party.id}'s move out of ${stance.id} on ${t.event} has a condition`);
        const other = movedBy.get(t.event);
        if (other !== undefined && other !== party.id) throw problem(`${t.event} moves ${other} and ${party.id}`);
        movedBy.set(t.event, party.id);
      }
  }
  for (const event of model.events)
    if (event.kind === 'hypothetical' && (event.requires || event.urgent))
      throw problem(`${event.id} has a precondition or an urgent condition`);
}
