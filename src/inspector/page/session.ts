import type { Move } from '../../engine/move.js';
import type { EventId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';

/** What the inspector's server sends the page: the scenario's model, and a trace to open if one was given. */
export interface InspectorSession {
  readonly file: string;
  readonly model: Model;
  /**
   * A trace to open: the timeline events it starts after, then its moves; its recorded key; and its
   * limit on hypothetical events (null: none), which its branch keeps.
   */
  readonly trace: {
    readonly base: number;
    readonly whatIf: readonly Move[];
    readonly key: string;
    readonly maxEvents: number | null;
    /** What the page calls its branch: `Trace to OUTCOME`, or `Trace` for a trace that names none. */
    readonly name: string;
    /** The timeline events its start takes out (absent: none; `base` then counts the counterfactual timeline). */
    readonly without?: readonly EventId[];
  } | null;
  /** True when the server streams the page's moves to Stately's inspector. */
  readonly stately: boolean;
}
