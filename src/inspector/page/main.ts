/// <reference lib="dom" />
import { analyseAblation, type AblationResult } from '../../analysis/ablation.js';
import { diffExplorations, type DiffResult } from '../../analysis/diff.js';
import { analyseSensitivity, type SensitivityResult } from '../../analysis/sensitivity.js';
import { analyseStability, type StabilityResult } from '../../analysis/stability.js';
import { explainOutcome, type WhyResult } from '../../analysis/why.js';
import { getStances, type JointState } from '../../engine/joint-state.js';
import type { Move } from '../../engine/move.js';
import { getJointStateKey } from '../../engine/serialise.js';
import { exploreScenario, type ExploreResult } from '../../explore/explore-scenario.js';
import type { EventId, OutcomeId } from '../../model/ids.js';
import { checkQuery, type CheckResult } from '../../query/check-query.js';
import type { PathKind } from '../../explore/witness-path.js';
import type { Start } from '../../run/start-point.js';
import type { Model } from '../../model/model.js';
import { layoutChart } from './chart-layout.js';
import { html } from './dom.js';
import {
  backToTimeline,
  branchWith,
  decodePosition,
  encodePosition,
  getBranchEventsSoFar,
  getBranchLimit,
  getPathMoves,
  stepBy,
  type Position,
} from './navigation.js';
import { getBranchHorizon, getPathView, type PathView } from './path-view.js';
import { drawChart, updateChart, type DrawnChart } from './render-chart.js';
import { renderQuery, renderStability, renderTornado, renderWhy } from './render-analysis.js';
import { renderAblation, type AblationState } from './render-ablation.js';
import { renderExports } from './render-exports.js';
import { renderFromHere, renderHere, renderWhatIf } from './render-panel.js';
import { renderTimeline } from './render-timeline.js';
import { renderGlance } from './render-glance.js';
import { getBranchName, renderBranchTools } from './render-branch-tools.js';
import type { InspectorSession } from './session.js';

// The inspector page: it runs the same `step`, `getMoves` and explorer as the command line,
// bundled, on the model the server sends; nothing here is a second implementation.

const MAX_STATES = 200_000;
// The default horizon; a smaller limit on states than the command line's, for a browser tab.
const LIMITS = { maxStates: MAX_STATES };

interface App {
  readonly model: Model;
  readonly timeline: readonly EventId[];
  readonly charts: ReadonlyMap<string, DrawnChart>;
  readonly session: InspectorSession;
  view: PathView;
  /** The joint states along the timeline itself, which a branch does not change. */
  readonly timelineStates: readonly JointState[];
  explored: Map<string, ExploreResult>;
  /** The outcome being explained, and the query asked, with their answers for the current point. */
  explained: string | null;
  query: string;
  answer: CheckResult | string | null;
  /** Which paths the "From here" table shows. */
  paths: PathKind;
}

async function start(): Promise<void> {
  const session = (await (await fetch('/api/session')).json()) as InspectorSession;
  const { model } = session;
  const timeline = model.timeline as readonly EventId[];
  const tooltip = document.getElementById('tooltip') as HTMLElement;
  const charts = new Map<string, DrawnChart>();
  const chartsElement = document.getElementById('charts') as HTMLElement;
  chartsElement.append(renderExports(model));
  for (const party of model.parties) {
    const chart = drawChart(party, await layoutChart(party), tooltip);
    charts.set(party.id, chart);
    chartsElement.append(chart.element);
  }
  document.getElementById('title')!.textContent = model.title;
  document.getElementById('source')!.textContent =
    `${session.file} — from ${model.source.title}${model.source.publisher ? ` (${model.source.publisher})` : ''}`;

  const opening: Position = location.hash
    ? decodePosition(timeline, location.hash)
    : session.trace
      ? {
          base: session.trace.base,
          whatIf: session.trace.whatIf,
          at: session.trace.base + session.trace.whatIf.length,
          ...(session.trace.maxEvents !== null && { maxEvents: session.trace.maxEvents }),
        }
      : decodePosition(timeline, '');
  const app: App = {
    model,
    timeline,
    charts,
    session,
    view: getPathView(model, opening),
    timelineStates: getPathView(model, { base: timeline.length, whatIf: [], at: 0 }).states,
    explored: new Map(),
    explained: null,
    query: '',
    answer: null,
    paths: 'shortest',
  };

  // The timeline column sits below the sticky header, whose height changes with the window's width
  // and the status it shows.
  const header = document.querySelector('header') as HTMLElement;
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
    // The timeline column changed height with the header: its current entry may have gone out of sight.
    scrollTimelineToCurrent();
  }).observe(header);
  document
    .getElementById('back')!
    .addEventListener('click', () => moveTo(app, stepBy(timeline, app.view.position, -1)));
  document
    .getElementById('forward')!
    .addEventListener('click', () => moveTo(app, stepBy(timeline, app.view.position, 1)));
  document
    .getElementById('to-timeline')!
    .addEventListener('click', () => moveTo(app, backToTimeline(timeline, app.view.position)));
  // Back and forward in the browser, or an address pasted into the tab, move the page too.
  const followAddress = () => {
    if (location.hash !== encodePosition(timeline, app.view.position))
      moveTo(app, decodePosition(timeline, location.hash), true);
  };
  window.addEventListener('popstate', followAddress);
  window.addEventListener('hashchange', followAddress);
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'Escape' && app.explained !== null) {
      closeExplanation(app);
      event.preventDefault();
      return;
    }
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    // Arrow keys step the timeline, except while the user works in the panel's answers or pans a chart.
    if (event.target instanceof Element && event.target.closest('#panel, .chart-box')) return;
    if (event.key === 'ArrowLeft') moveTo(app, stepBy(timeline, app.view.position, -1));
    else if (event.key === 'ArrowRight') moveTo(app, stepBy(timeline, app.view.position, 1));
    else return;
    event.preventDefault();
  });
  history.replaceState(null, '', encodePosition(timeline, app.view.position));
  render(app);
  // Until here the buttons were disabled and the status said it was loading: now the page can act.
  document.getElementById('main')!.removeAttribute('aria-busy');
}

/**
 * Moves to a position (a new entry in the browser's history unless `fromHistory`). The element that
 * had the focus may be gone or disabled after the page is drawn again: the focus then goes to the
 * current entry of the timeline, so that a keyboard user keeps their place.
 */
function moveTo(app: App, position: Position, fromHistory = false): void {
  app.view = getPathView(app.model, position);
  app.answer = null;
  // The address records the position: a new history entry for a move made here, the same entry
  // (written as the page reads it) for one that came from the address.
  const address = encodePosition(app.timeline, app.view.position);
  if (fromHistory) history.replaceState(null, '', address);
  else history.pushState(null, '', address);
  render(app);
  const focused = document.activeElement;
  if (!focused || focused === document.body || !focused.isConnected || (focused as HTMLButtonElement).disabled) {
    // Without scrolling the page: the charts and the what-if list stay where the user was looking.
    document.querySelector<HTMLElement>('#timelines li[aria-current="step"] button')?.focus({ preventScroll: true });
  }
}

/**
 * Scrolls the timeline column, and only it, so that its current entry shows: the page itself stays
 * where it is (its sticky header changes height as the glance strip does).
 */
function scrollTimelineToCurrent(): void {
  const list = document.getElementById('timelines') as HTMLElement;
  const current = list.querySelector('li[aria-current="step"]');
  if (!current) return;
  const box = list.getBoundingClientRect();
  const entry = current.getBoundingClientRect();
  if (entry.top < box.top) list.scrollTop += entry.top - box.top;
  else if (entry.bottom > box.bottom) list.scrollTop += Math.min(entry.bottom - box.bottom, entry.top - box.top);
}

/** Closes the explanation, the focus back on the button of the outcome it explained. */
function closeExplanation(app: App): void {
  const outcome = app.explained;
  app.explained = null;
  render(app);
  document.querySelector<HTMLElement>(`#panel .from-here button[aria-label="Explain ${outcome}"]`)?.focus();
}

function closeExplanationButton(app: App): HTMLElement {
  const button = html('button', { type: 'button', class: 'close' }, 'Close the explanation');
  button.addEventListener('click', () => closeExplanation(app));
  return button;
}

/** The start of a question asked at the current point. */
function here(joint: JointState): Start {
  return { point: { kind: 'end' }, joint, history: [], description: 'this point' };
}

function render(app: App): void {
  const { model, view, timeline } = app;
  const { position } = view;
  const joint = view.states[position.at] ?? view.states[0];
  if (!joint) return;

  const stances = getStances(model, joint);
  for (const party of model.parties)
    updateChart(app.charts.get(party.id) as DrawnChart, stances[party.id] as string, view.taken, view.lastTaken);

  const total = getPathMoves(timeline, position).length;
  const onBranch = position.whatIf.length > 0 || position.base < timeline.length;
  const key = getJointStateKey(model, joint);
  const main = document.getElementById('main') as HTMLElement;
  main.dataset.key = key;
  main.dataset.at = String(position.at);
  (document.getElementById('back') as HTMLButtonElement).disabled = position.at === 0;
  (document.getElementById('forward') as HTMLButtonElement).disabled = position.at >= total;
  (document.getElementById('to-timeline') as HTMLButtonElement).hidden = !onBranch;
  document.getElementById('status')!.textContent =
    `${onBranch ? 'What-if branch' : 'Timeline'}: step ${position.at} of ${total}, day ${joint.day}`;
  document.getElementById('problem')!.textContent = view.problem
    ? `The address asked for a move that cannot happen: ${view.problem}`
    : '';

  const previous = position.at > 0 ? view.states[position.at - 1] : undefined;
  document.getElementById('glance-slot')!.replaceChildren(renderGlance(model, joint, previous));
  document
    .getElementById('timelines')!
    .replaceChildren(
      renderTimeline(
        model,
        view,
        app.timelineStates,
        (at, branch) => moveTo(app, branch ? { ...position, at } : { base: timeline.length, whatIf: [], at }),
        { name: getBranchName(app.view, app.session), tools: renderBranchTools(app.model, app.view) },
      ),
    );
  scrollTimelineToCurrent();
  const choose = (move: Move) => moveTo(app, branchWith(timeline, position, move));
  const panel = document.getElementById('panel') as HTMLElement;
  const explain = (outcome: string) => {
    app.explained = outcome;
    render(app);
    document.getElementById('why-title')?.scrollIntoView({ block: 'nearest' });
    // The focus stays where the user acted: on the outcome's button, drawn again.
    panel.querySelector<HTMLElement>(`.from-here button[aria-label="Explain ${outcome}"]`)?.focus();
  };
  // The step that led here, explored too, says how it moved each outcome (`parley diff` between the two points).
  const previousKey = previous ? getJointStateKey(model, previous) : null;
  const change = (): DiffResult | null => {
    const before = previousKey === null ? undefined : app.explored.get(previousKey);
    const after = app.explored.get(key);
    return before && after ? diffExplorations(before, 'the step before', after, 'here') : null;
  };
  const choosePaths = (kind: PathKind) => {
    app.paths = kind;
    panel.querySelector('.from-here')?.replaceWith(fromHere());
    (document.getElementById('path-kind') as HTMLSelectElement | null)?.focus();
  };
  const fromHere = () =>
    renderFromHere(app.explored.get(key) ?? null, explain, change(), { kind: app.paths, choose: choosePaths });
  const analyses = app.explained
    ? [
        html(
          'div',
          { class: 'explanation', 'data-outcome': app.explained },
          closeExplanationButton(app),
          renderWhy(whyAt(app, key, joint, app.explained)),
          renderStability(stabilityAt(app, key, joint), app.explained),
          renderTornado(sensitivityAt(app, key, joint), app.explained),
        ),
      ]
    : [];
  // Ablation replays the timeline in each variant of the model, so it is measured at timeline points.
  const timelinePrefix = position.at <= position.base ? (timeline.slice(0, position.at) as EventId[]) : null;
  const ablationState = (): AblationState => {
    if (!timelinePrefix)
      return { kind: 'unavailable', reason: 'Measured at points of the timeline: go back to the timeline to see it.' };
    const result = ablations.get(position.at);
    if (result) return { kind: 'measured', result };
    return { kind: measuring.has(position.at) ? 'measuring' : 'not-asked' };
  };
  const measure = () => {
    if (!timelinePrefix) return;
    measuring.add(position.at);
    panel.querySelector('.ablation')?.replaceWith(renderAblation(ablationState(), measure, app.explained));
    // Measure after the page has drawn "Measuring…".
    setTimeout(() => {
      const start: Start = { point: { kind: 'end' }, joint, history: timelinePrefix, description: 'this point' };
      ablations.set(position.at, analyseAblation(model, start, LIMITS));
      measuring.delete(position.at);
      if ((document.getElementById('main') as HTMLElement).dataset.key === key)
        panel.querySelector('.ablation')?.replaceWith(renderAblation(ablationState(), measure, app.explained));
    }, 0);
  };
  const ask = (query: string) => {
    app.query = query;
    try {
      app.answer = checkQuery(model, here(joint), query, LIMITS);
    } catch (error) {
      app.answer = error instanceof Error ? error.message : String(error);
    }
    render(app);
    (document.getElementById('query') as HTMLInputElement | null)?.focus();
  };
  const open = (moves: readonly Move[]) => {
    const path = getPathMoves(timeline, position).slice(0, position.at);
    const base = Math.min(position.base, position.at);
    moveTo(app, { base, whatIf: [...path.slice(base), ...moves], at: path.length + moves.length });
  };
  panel.replaceChildren(
    renderHere(model, joint),
    renderWhatIf(model, joint, getBranchHorizon(position), getBranchEventsSoFar(position), choose),
    fromHere(),
    ...analyses,
    renderAblation(ablationState(), measure, app.explained),
    renderQuery(model.outcomes[0]?.id ?? 'OUTCOME', app.query, app.answer, ask, open),
  );
  const unexplored = [
    [key, joint] as const,
    ...(previous && previousKey !== null ? [[previousKey, previous] as const] : []),
  ].filter(([k]) => !app.explored.has(k));
  if (unexplored.length > 0) {
    // Explore after the page has drawn, so that stepping stays responsive.
    setTimeout(() => {
      for (const [k, state] of unexplored)
        app.explored.set(k, exploreScenario(model, here(state), { ...LIMITS, path: 'likeliest' }));
      if ((document.getElementById('main') as HTMLElement).dataset.key === key)
        panel.querySelector('.from-here')?.replaceWith(fromHere());
    }, 0);
  }
  if (app.session.stately)
    void fetch('/api/position', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        moves: getPathMoves(timeline, position).slice(0, position.at),
        base: Math.min(position.base, position.at),
        ...getBranchLimit(position),
      }),
    });
}

const sensitivities = new Map<string, SensitivityResult>();
/** Ablations by the timeline step they were measured at. */
const ablations = new Map<number, AblationResult>();
const measuring = new Set<number>();
const stabilities = new Map<string, StabilityResult>();
const explanations = new Map<string, WhyResult>();

/** The cached answer for `id`, computed on first asking: each analysis runs once per joint state. */
function cached<T>(cache: Map<string, T>, id: string, compute: () => T): T {
  let result = cache.get(id);
  if (result === undefined) {
    result = compute();
    cache.set(id, result);
  }
  return result;
}

/** Why an outcome is reached from this point. */
const whyAt = (app: App, key: string, joint: JointState, outcome: string): WhyResult =>
  cached(explanations, `${key}\u0000${outcome}`, () =>
    explainOutcome(app.model, here(joint), outcome as OutcomeId, LIMITS),
  );

/** The stability of every outcome reachable from this point. */
const stabilityAt = (app: App, key: string, joint: JointState): StabilityResult =>
  cached(stabilities, key, () => analyseStability(app.model, here(joint), LIMITS));

/** The sensitivity of every outcome from this point. */
const sensitivityAt = (app: App, key: string, joint: JointState): SensitivityResult =>
  cached(sensitivities, key, () => analyseSensitivity(app.model, here(joint), LIMITS));

start().catch((error: unknown) => {
  document.body.prepend(
    html('p', { role: 'alert', class: 'error' }, `The inspector could not start: ${String(error)}`),
  );
});
