/// <reference lib="dom" />
import { diffExplorations, type DiffResult } from '../../analysis/diff.js';
import type { JointState } from '../../engine/joint-state.js';
import type { Move } from '../../engine/move.js';
import { getJointStateKey, toJointStateJson, type JointStateJson } from '../../engine/serialise.js';
import type { EventId } from '../../model/ids.js';
import type { Answered, KeyedRequest } from './analysis-client.js';
import { getRequestKey, type AnalysisAnswers, type AnalysisKind, type AnalysisRequest } from './analysis-request.js';
import type { App } from './app.js';
import { html } from './dom.js';
import { getBranchEventsSoFar } from './navigation.js';
import { getBranchHorizon, getHistoryAt } from './path-view.js';
import { getQuestionModel } from '../../run/question-model.js';
import { renderAblation, type AblationState } from './render-ablation.js';
import { renderQuery, renderStability, type QueryState, renderTornado, renderWhy } from './render-analysis.js';
import { renderFromHere, renderHere, renderWhatIf } from './render-panel.js';
import { renderComparison } from './render-comparison.js';
import { describePoint } from './render-branch-tools.js';

/** What the panel's controls do: each changes the page's state and draws it again. */
export interface PanelActions {
  readonly choose: (move: Move) => void;
  readonly explain: (outcome: string) => void;
  readonly closeExplanation: () => void;
  readonly measure: () => void;
  readonly pin: () => void;
  readonly unpin: () => void;
  readonly goToPinned: () => void;
  readonly ask: (query: string) => void;
  readonly open: (moves: readonly Move[]) => void;
}

/** The panel for the current point: its sections, and the questions they need answered (most wanted first). */
export interface PanelPlan {
  readonly sections: readonly HTMLElement[];
  readonly requests: readonly KeyedRequest[];
}

/**
 * Plans the panel at the current point from the answers the worker has given so far: a section
 * whose answer has not arrived says it is being worked out, and its request is in the plan.
 */
export function planPanel(app: App, actions: PanelActions): PanelPlan {
  const { model, view } = app;
  const { position } = view;
  const joint = view.states[position.at] as JointState;
  const previous = position.at > 0 ? view.states[position.at - 1] : undefined;
  const key = getJointStateKey(model, joint);
  const history = getHistoryAt(model.timeline, position);
  const state = toJointStateJson(model, joint);
  const here = { state, history };
  const requests: KeyedRequest[] = [];
  const ask = <K extends AnalysisKind>(request: AnalysisRequest & { kind: K }, at = key): Answered<K> | undefined => {
    const requestKey = getRequestKey(request, at);
    const answered = app.client.get<K>(requestKey);
    if (!answered) requests.push({ key: requestKey, request });
    return answered;
  };

  const explored = ask({ kind: 'explore', ...here });
  const before =
    previous &&
    ask(
      {
        kind: 'explore',
        state: toJointStateJson(model, previous),
        history: getHistoryAt(model.timeline, position, position.at - 1),
      },
      getJointStateKey(model, previous),
    );
  // The step that led here says how it moved each outcome (`parley diff` between the two points).
  const change: DiffResult | null =
    before && 'answer' in before && explored && 'answer' in explored
      ? diffExplorations(before.answer, 'the step before', explored.answer, 'here')
      : null;
  const sections: HTMLElement[] = [
    renderHere(model, joint),
    renderWhatIf(
      getQuestionModel(model, history),
      joint,
      getBranchHorizon(position),
      getBranchEventsSoFar(position),
      actions.choose,
    ),
    explored && 'failure' in explored
      ? renderFailure('From here', explored.failure)
      : renderFromHere(explored?.answer ?? null, actions.explain, change),
  ];

  sections.push(renderComparisonAt(app, joint, key, explored, actions, ask));

  if (app.explained !== null) {
    const outcome = app.explained;
    const why = ask({ kind: 'why', ...here, outcome });
    const stability = ask({ kind: 'stability', ...here });
    const sensitivity = ask({ kind: 'sensitivity', ...here });
    const close = html('button', { type: 'button', class: 'close' }, 'Close the explanation');
    close.addEventListener('click', actions.closeExplanation);
    sections.push(
      html(
        'div',
        { class: 'explanation', 'data-outcome': outcome },
        close,
        show<'why'>(why, `Why ${outcome}?`, (r) => renderWhy(r)),
        show<'stability'>(stability, 'Stability', (r) => renderStability(r, outcome)),
        show<'sensitivity'>(sensitivity, 'What drives it', (r) => renderTornado(r, outcome)),
      ),
    );
  }

  sections.push(renderAblation(getAblationState(app, here, ask), actions.measure, app.explained));
  const checked =
    app.askedAt === key && app.query !== '' ? ask({ kind: 'check', ...here, query: app.query }) : undefined;
  sections.push(
    renderQuery(
      model.outcomes[0]?.id ?? 'OUTCOME',
      app.query,
      getQueryState(app.askedAt === key && app.query !== '', checked),
      actions.ask,
      actions.open,
    ),
  );
  return { sections, requests };
}

/** The comparison with the pinned point, once both are explored (the pinned point asked for too). */
function renderComparisonAt(
  app: App,
  joint: JointState,
  key: string,
  explored: Answered<'explore'> | undefined,
  actions: PanelActions,
  ask: (request: AnalysisRequest & { kind: 'explore' }, at?: string) => Answered<'explore'> | undefined,
): HTMLElement {
  const { model, pinned } = app;
  const here = { label: describePoint(app.timeline, app.branches, app.session, app.view.position, joint.day), joint };
  if (!pinned) return renderComparison(model, null, here, null, actions);
  const pinnedKey = getJointStateKey(model, pinned.joint);
  const pinnedPoint = {
    state: toJointStateJson(model, pinned.joint),
    history: getHistoryAt(model.timeline, pinned.position),
  };
  const before = pinnedKey === key ? explored : ask({ kind: 'explore', ...pinnedPoint }, pinnedKey);
  const odds =
    before && 'answer' in before && explored && 'answer' in explored
      ? diffExplorations(before.answer, 'pinned', explored.answer, 'here')
      : null;
  return renderComparison(model, pinned, here, odds, actions);
}

function getQueryState(asked: boolean, checked: Answered<'check'> | undefined): QueryState {
  if (!asked) return { kind: 'none' };
  if (!checked) return { kind: 'checking' };
  if ('failure' in checked) return { kind: 'error', message: checked.failure };
  return typeof checked.answer === 'string'
    ? { kind: 'error', message: checked.answer }
    : { kind: 'answered', result: checked.answer };
}

/** Ablation replays the timeline in each variant of the model, so it is measured at timeline points. */
function getAblationState(
  app: App,
  here: { readonly state: JointStateJson; readonly history: readonly EventId[] },
  ask: (request: AnalysisRequest & { kind: 'ablation' }) => Answered<'ablation'> | undefined,
): AblationState {
  const { position } = app.view;
  if (position.at > position.base)
    return { kind: 'unavailable', reason: 'Measured at points of the timeline: go back to the timeline to see it.' };
  if (!app.ablationAsked.has(position.at)) return { kind: 'not-asked' };
  const answered = ask({ kind: 'ablation', ...here });
  if (!answered) return { kind: 'measuring' };
  return 'answer' in answered
    ? { kind: 'measured', result: answered.answer }
    : { kind: 'unavailable', reason: `It could not be measured: ${answered.failure}` };
}

/** A section from its answer, or one that says it is being worked out, or why it could not be. */
function show<K extends AnalysisKind>(
  answered: Answered<K> | undefined,
  title: string,
  render: (answer: AnalysisAnswers[K]) => HTMLElement,
): HTMLElement {
  if (!answered)
    return html(
      'section',
      { class: 'analysis pending', 'aria-busy': 'true' },
      html('h2', {}, title),
      html('p', { class: 'hint', role: 'status' }, 'Working it out…'),
    );
  return 'answer' in answered ? render(answered.answer) : renderFailure(title, answered.failure);
}

function renderFailure(title: string, failure: string): HTMLElement {
  return html(
    'section',
    { class: 'analysis' },
    html('h2', {}, title),
    html('p', { role: 'alert', class: 'error' }, `The inspector could not answer: ${failure}`),
  );
}
