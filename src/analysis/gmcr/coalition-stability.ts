import { getCoalitionReach } from './coalition-reach.js';
import { prefers, type ConflictGraph, type DeciderMove } from './conflict-graph.js';

/** A coalition's joint improvement from a state, and the sanction found for it. */
export interface CoalitionImprovement {
  /** The members' moves (a legal sequence: no member twice in a row) to a state every member prefers. */
  readonly moves: readonly DeciderMove[];
  /** For `cseq`: the others' own improvements after which some member is no better off; null when none. */
  readonly sanction: readonly DeciderMove[] | null;
}

export interface CoalitionVerdict {
  readonly stable: boolean;
  readonly improvements: readonly CoalitionImprovement[];
}

/**
 * Whether state `s` is stable for the coalition `members` (after Kilgour, Hipel, Fang & Peng 2001,
 * and Inohara & Hipel 2008). A coalition improvement is a state the members reach from `s` by a
 * legal sequence of their moves that every member prefers to `s`. `cnash`: there is none. `cseq`:
 * each is sanctioned: the other decision makers reach from it, by a legal sequence of moves each an
 * improvement for its mover, a state that some member does not prefer to `s` (the coalition would
 * not hold together for it). Pure; one reachable list per coalition improvement.
 */
export function judgeCoalition(
  graph: ConflictGraph,
  members: readonly number[],
  s: number,
  concept: 'cnash' | 'cseq',
): CoalitionVerdict {
  const others = [...Array(graph.deciders).keys()].filter((k) => !members.includes(k));
  const improvements: CoalitionImprovement[] = [];
  for (const [t, moves] of getCoalitionReach(graph, members, s, false)) {
    if (!members.every((k) => prefers(graph, k, t, s))) continue;
    let sanction: readonly DeciderMove[] | null = null;
    if (concept === 'cseq')
      for (const [u, path] of getCoalitionReach(graph, others, t, true))
        if (members.some((k) => !prefers(graph, k, u, s))) {
          sanction = path;
          break;
        }
    improvements.push({ moves, sanction });
  }
  return { stable: improvements.every((i) => i.sanction !== null), improvements };
}
