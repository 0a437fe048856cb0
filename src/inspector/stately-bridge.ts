import type { createInspector } from '@statelyai/inspect';
import { getInitialJointState, getStances } from '../engine/joint-state.js';
import { isDayMove, type Move } from '../engine/move.js';
import { getPartyMachines } from '../model/machines.js';
import { getModelIndex } from '../model/model-lookup.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { getOpenHorizon } from '../engine/horizon.js';
import { replayBranch } from '../run/replay-moves.js';
import { getQuestionModel } from '../run/question-model.js';

/** What the bridge needs of a `@statelyai/inspect` inspector (any of its creators gives one). */
export type StatelyInspector = Pick<ReturnType<typeof createInspector>, 'actor' | 'event' | 'snapshot'>;

/**
 * Streams the inspector page's position to Stately's inspector through `@statelyai/inspect`: each
 * party's machine is registered as an actor (with its definition), and every position the page
 * moves to is sent as the event that led there and each party's new snapshot.
 */
export interface StatelyBridge {
  /**
   * Shows the joint state after these moves from the start (the first `base` of them timeline
   * events, the rest a branch with at most `maxEvents` hypothetical events); returns false if they
   * do not replay (an unknown event, a day's passing among the timeline's, a move that cannot
   * happen where it is). Never throws on what a request may send.
   */
  show(moves: readonly Move[], base?: number, maxEvents?: number): boolean;
}

/** Registers every party's actor with the inspector and returns the bridge. */
export function createStatelyBridge(model: Model, inspector: StatelyInspector): StatelyBridge {
  const initial = getStances(model, getInitialJointState(model));
  for (const [party, machine] of getPartyMachines(model)) {
    // An actor-like reference: the inspector takes the definition from `logic.config`.
    const actor = { sessionId: party, logic: machine } as unknown as Parameters<StatelyInspector['actor']>[0];
    inspector.actor(actor, { status: 'active', value: initial[party], context: {} });
  }
  return {
    show(moves, base = moves.length, maxEvents) {
      // The moves come from a request: a name that is not one of the model's events is bad input
      // (false), not an id the replay may take as the model's. The first `base` are replayed as
      // timeline events, which a day's passing is not.
      const events = getModelIndex(model).events;
      const known = moves.every((move, i) => (isDayMove(move) ? i >= base : events.has(move)));
      if (!known) return false;
      const question = getQuestionModel(model, moves.slice(0, base) as EventId[]);
      const replay = replayBranch(question, moves, base, getOpenHorizon(maxEvents));
      if (replay.problems.length > 0) return false;
      const last = moves.at(-1);
      const event = { type: last === undefined ? 'xstate.init' : isDayMove(last) ? 'parley.day' : last };
      const stances = getStances(model, replay.final);
      for (const party of model.parties) {
        if (last !== undefined && !isDayMove(last)) inspector.event(party.id, event);
        inspector.snapshot(party.id, { status: 'active', value: stances[party.id], context: {} }, { event });
      }
      return true;
    },
  };
}
