import type { ExploreResult, OutcomeStatus } from '../explore/explore-scenario.js';
import type { OutcomeId } from '../model/ids.js';

/** How one outcome's answer changed between two explorations. */
export interface OutcomeChange {
  readonly id: OutcomeId;
  readonly before: { readonly status: OutcomeStatus; readonly probability: number | null } | null;
  readonly after: { readonly status: OutcomeStatus; readonly probability: number | null } | null;
  /** `became reachable`, `became unreachable`, `odds changed`, `unchanged`, `only before` or `only after`. */
  readonly change: string;
  /** after - before, when both probabilities are known. */
  readonly delta: number | null;
}

/** What `parley diff` reports (and prints with `--json`). */
export interface DiffResult {
  readonly type: 'diff';
  readonly before: { readonly label: string; readonly states: number; readonly exhaustive: boolean; readonly stopped: boolean };
  readonly after: { readonly label: string; readonly states: number; readonly exhaustive: boolean; readonly stopped: boolean };
  readonly outcomes: readonly OutcomeChange[];
}

const reached = (status: OutcomeStatus) => status === 'reachable' || status === 'holds-at-start';

/** Compares two explorations outcome by outcome: what became reachable or unreachable, how the odds moved. Pure. */
export function diffExplorations(before: ExploreResult, beforeLabel: string, after: ExploreResult, afterLabel: string): DiffResult {
  const ids = [...new Set([...before.outcomes.map((o) => o.id), ...after.outcomes.map((o) => o.id)])];
  return {
    type: 'diff',
    before: { label: beforeLabel, states: before.search.states, exhaustive: before.search.exhaustive, stopped: before.search.stopped },
    after: { label: afterLabel, states: after.search.states, exhaustive: after.search.exhaustive, stopped: after.search.stopped },
    outcomes: ids.map((id): OutcomeChange => {
      const b = before.outcomes.find((o) => o.id === id);
      const a = after.outcomes.find((o) => o.id === id);
      const summary = (o: typeof a) => (o ? { status: o.status, probability: o.probability } : null);
      const delta = a?.probability != null && b?.probability != null ? a.probability - b.probability : null;
      let change = 'unchanged';
      if (!b) change = 'only after';
      else if (!a) change = 'only before';
      else if (reached(a.status) && b.status === 'unreachable') change = 'became reachable';
      else if (reached(b.status) && a.status === 'unreachable') change = 'became unreachable';
      else if (delta !== null && Math.abs(delta) > 1e-12) change = 'odds changed';
      return { id, before: summary(b), after: summary(a), change, delta };
    }),
  };
}
