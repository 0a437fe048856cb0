import type { JointState } from '../../engine/joint-state.js';
import { isEventEnabled } from '../../engine/enabled.js';
import { fromJointStateJson, toJointStateJson } from '../../engine/serialise.js';
import { step } from '../../engine/step.js';
import type { Condition } from '../../model/condition.js';
import type { FactValue } from '../../model/condition.js';
import type { Fact, Model } from '../../model/model.js';
import { OptionError } from '../option-error.js';
import type { GraphMove } from './conflict-graph.js';
import { addMove, assemblePositionGraph, getPositionParts, type PositionGraph } from './position-graph.js';
import { hasPreferences } from './preference-rank.js';

/** The most combinations `--all-states` judges: each is a whole joint state, snapshots and all. */
export const MAX_ALL_STATES = 100_000;

/**
 * The graph model over every combination of stances and fact values, reachable or not, as the
 * graph model analyses every feasible state (`--all-states`). A decision maker's moves from a
 * combination are its hypothetical events (`by` it) whose `requires` holds there on some day from
 * `firstDay` to `lastDay` (only `firstDay` when no `requires` reads the day), stepped with the one
 * `step`. Refuses more than `maxStates` (and `MAX_ALL_STATES`) combinations. Pure.
 */
export function buildAllStatesGraph(model: Model, firstDay: number, lastDay: number, maxStates: number): PositionGraph {
  const domains: readonly (readonly unknown[])[] = [
    ...model.parties.map((p) => p.stances.map((s) => s.id)),
    ...model.facts.map(getFactDomain),
  ];
  const count = domains.reduce((n, d) => n * d.length, 1);
  const limit = Math.min(maxStates, MAX_ALL_STATES);
  if (count > limit)
    throw new OptionError(
      `--all-states would judge ${count.toLocaleString('en-US')} combinations of stances and facts, more than ${limit.toLocaleString('en-US')} (${limit === maxStates ? '--max-states' : 'each is a whole joint state, so at most this many are judged'}); judge the reachable positions instead (without --all-states)`,
    );
  const deciders = model.parties.filter(hasPreferences);
  const moversEvents = model.events.filter(
    (e) => e.kind === 'hypothetical' && e.by !== undefined && deciders.some((d) => d.id === e.by),
  );
  const readsDay = moversEvents.some((e) => e.requires !== undefined && mentionsDay(e.requires));
  const days = readsDay ? Array.from({ length: lastDay - firstDay + 1 }, (_, i) => firstDay + i) : [firstDay];

  const joints: JointState[] = [];
  const index = new Map<string, number>();
  const combine = (prefix: unknown[], k: number) => {
    if (k === domains.length) {
      const json = {
        day: firstDay,
        stances: Object.fromEntries(model.parties.map((p, i) => [p.id, prefix[i]])),
        facts: Object.fromEntries(model.facts.map((f, i) => [f.id, prefix[model.parties.length + i]])),
      } as Parameters<typeof fromJointStateJson>[1];
      index.set(JSON.stringify(prefix), joints.length);
      joints.push(fromJointStateJson(model, json));
      return;
    }
    for (const value of domains[k] as readonly unknown[]) combine([...prefix, value], k + 1);
  };
  combine([], 0);

  const events = moversEvents.map((e) => e.id);
  const moves: GraphMove[][][] = deciders.map(() => joints.map(() => []));
  const deciderOf = moversEvents.map((event) => deciders.findIndex((d) => d.id === event.by));
  joints.forEach((joint, from) => {
    moversEvents.forEach((event, e) => {
      const dm = deciderOf[e] as number;
      for (const day of days) {
        const on = { ...joint, day };
        if (!isEventEnabled(model, on, event.id)) continue;
        const to = index.get(
          JSON.stringify(getPositionParts(model, toJointStateJson(model, step(model, on, event.id)))),
        );
        if (to !== undefined) addMove(moves, dm, from, { target: to, event: e });
      }
    });
  });
  return assemblePositionGraph(model, joints, moves, events, joints.length);
}

function getFactDomain(fact: Fact): readonly FactValue[] {
  if (fact.type === 'boolean') return [false, true];
  if (fact.type === 'enum') return fact.values;
  return Array.from({ length: fact.max - fact.min + 1 }, (_, i) => fact.min + i);
}

/** True when a condition compares the day anywhere in it. */
function mentionsDay(condition: Condition): boolean {
  if (condition.day !== undefined) return true;
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].some(
    mentionsDay,
  );
}
