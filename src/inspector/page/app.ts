import type { JointState } from '../../engine/joint-state.js';
import type { EventId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';
import type { AnalysisClient } from './analysis-client.js';
import type { Branch } from './branch-list.js';
import type { DrawnChart } from './render-chart.js';
import type { Position } from './navigation.js';
import type { PathView } from './path-view.js';
import type { InspectorSession } from './session.js';

/** The inspector page's state: the scenario, where the page stands, and what the user has asked there. */
export interface App {
  readonly model: Model;
  readonly timeline: readonly EventId[];
  readonly charts: ReadonlyMap<string, DrawnChart>;
  readonly session: InspectorSession;
  readonly client: AnalysisClient;
  view: PathView;
  /** The branches opened so far, in the order they were opened. */
  branches: readonly Branch[];
  /** The joint states along the timeline itself, which a branch does not change. */
  readonly timelineStates: readonly JointState[];
  /** The outcome being explained at the current point, if one is. */
  explained: string | null;
  /** The last query typed, and the point (joint state key) it was asked at. */
  query: string;
  askedAt: string | null;
  /** The point pinned for comparison, if one is: where it stands, in words, and its joint state. */
  pinned: { readonly position: Position; readonly label: string; readonly joint: JointState } | null;
  /** The timeline steps at which the user asked what each element does. */
  readonly ablationAsked: Set<number>;
}
