/// <reference lib="dom" />
import { getStances, type JointState } from '../../engine/joint-state.js';
import type { Move } from '../../engine/move.js';
import { getJointStateKey } from '../../engine/serialise.js';
import type { EventId } from '../../model/ids.js';
import { getCounterfactualTimeline } from '../../run/counterfactual-timeline.js';
import { createAnalysisClient, type WorkerPort } from './analysis-client.js';
import type { App } from './app.js';
import { layoutChart } from './chart-layout.js';
import { html } from './dom.js';
import {
  backToTimeline,
  branchWith,
  decodePosition,
  encodePosition,
  getBranchLimit,
  getPathMoves,
  isOnTimeline,
  stepBy,
  withoutEvents,
  type Position,
} from './navigation.js';
import { getPathView } from './path-view.js';
import { planPanel, type PanelActions } from './point-panel.js';
import { drawChart, updateChart, type DrawnChart } from './render-chart.js';
import { renderExports } from './render-exports.js';
import { renderTimeline } from './render-timeline.js';
import { renderGlance } from './render-glance.js';
import { describePoint, getBranchNames, renderBranchTools } from './render-branch-tools.js';
import { addBranch, findBranch } from './branch-list.js';
import { renderBranchList } from './render-branch-list.js';
import { replaceChanged } from './replace-changed.js';
import type { InspectorSession } from './session.js';

// The inspector page: it runs the same `step`, `getMoves` and explorer as the command line,
// bundled, on the model the server sends; nothing here is a second implementation. Its questions
// (explorations, explanations, checks) are answered by a worker, so that stepping never waits.

async function start(): Promise<void> {
  const session = (await (await fetch('/api/session')).json()) as InspectorSession;
  const { model } = session;
  const timeline = model.timeline as readonly EventId[];
  const counterfactualOf = (without: readonly EventId[]) => getCounterfactualTimeline(model, new Set(without));
  // The worker gets the model as the server sent it, before the page builds machines from it
  // (which hold functions, and a function cannot be posted to a worker).
  const client = createAnalysisClient(
    model,
    new Worker('/assets/worker.js', { type: 'module' }) as unknown as WorkerPort,
    (key) => {
      // An answer for the point on screen: draw the panel again (only its changed sections).
      if (wanted.has(key)) refreshPanel(app);
    },
  );
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
    ? decodePosition(timeline, location.hash, counterfactualOf)
    : session.trace
      ? {
          base: session.trace.base,
          whatIf: session.trace.whatIf,
          at: session.trace.base + session.trace.whatIf.length,
          ...(session.trace.maxEvents !== null && { maxEvents: session.trace.maxEvents }),
          ...(session.trace.without && { counterfactual: counterfactualOf(session.trace.without) }),
        }
      : decodePosition(timeline, '');
  const view = getPathView(model, opening);
  const app: App = {
    model,
    timeline,
    charts,
    session,
    view,
    branches: addBranch(timeline, [], view.position),
    timelineStates: getPathView(model, { base: timeline.length, whatIf: [], at: 0 }).states,
    client,
    explained: null,
    query: '',
    askedAt: null,
    ablationAsked: new Set(),
    pinned: null,
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
      moveTo(app, decodePosition(timeline, location.hash, counterfactualOf), true);
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
  app.branches = addBranch(app.timeline, app.branches, app.view.position);
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
  refreshPanel(app);
  document.querySelector<HTMLElement>(`#panel .from-here button[aria-label="Explain ${outcome}"]`)?.focus();
}

/** The keys of the questions the panel on screen waits for. */
const wanted = new Set<string>();

function render(app: App): void {
  const { model, view, timeline } = app;
  const { position } = view;
  const joint = view.states[position.at] ?? view.states[0];
  if (!joint) return;

  const stances = getStances(model, joint);
  for (const party of model.parties)
    updateChart(app.charts.get(party.id) as DrawnChart, stances[party.id] as string, view.taken, view.lastTaken);

  const total = getPathMoves(timeline, position).length;
  const onBranch = !isOnTimeline(timeline, position);
  const main = document.getElementById('main') as HTMLElement;
  main.dataset.key = getJointStateKey(model, joint);
  main.dataset.at = String(position.at);
  (document.getElementById('back') as HTMLButtonElement).disabled = position.at === 0;
  (document.getElementById('forward') as HTMLButtonElement).disabled = position.at >= total;
  (document.getElementById('to-timeline') as HTMLButtonElement).hidden = !onBranch;
  document.getElementById('status')!.textContent =
    `${position.counterfactual ? 'Counterfactual branch' : onBranch ? 'What-if branch' : 'Timeline'}: step ${position.at} of ${total}, day ${joint.day}`;
  document.getElementById('problem')!.textContent = view.problem
    ? `The address asked for a move that cannot happen: ${view.problem}`
    : '';

  const previous = position.at > 0 ? view.states[position.at - 1] : undefined;
  document.getElementById('glance-slot')!.replaceChildren(renderGlance(model, joint, previous));
  const names = getBranchNames(timeline, app.branches, app.session);
  const current = findBranch(timeline, app.branches, position);
  const list = renderBranchList(timeline, app.branches, names, current, (b) => moveTo(app, b));
  const timelines = renderTimeline(
    model,
    view,
    app.timelineStates,
    (at, branch) => moveTo(app, branch ? { ...position, at } : { base: timeline.length, whatIf: [], at }),
    { name: names[current] ?? 'What-if branch', tools: renderBranchTools(app.model, app.view) },
    (event) => moveTo(app, withoutEvents(getCounterfactualTimeline(model, new Set([event])))),
  );
  // The branches opened so far, above the timeline and the branch, across both.
  if (list) timelines.prepend(list);
  document.getElementById('timelines')!.replaceChildren(timelines);
  scrollTimelineToCurrent();
  const panel = document.getElementById('panel') as HTMLElement;
  panel.replaceChildren();
  refreshPanel(app);
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

/**
 * Draws the panel for the current point from the answers known so far, keeping the sections that
 * have not changed, and asks the worker for the rest.
 */
function refreshPanel(app: App): void {
  const plan = planPanel(app, getPanelActions(app));
  replaceChanged(document.getElementById('panel') as HTMLElement, [...plan.sections]);
  wanted.clear();
  for (const { key } of plan.requests) wanted.add(key);
  app.client.want(plan.requests);
}

function getPanelActions(app: App): PanelActions {
  const { timeline } = app;
  const { position } = app.view;
  const panel = document.getElementById('panel') as HTMLElement;
  return {
    choose: (move: Move) => moveTo(app, branchWith(timeline, position, move)),
    explain: (outcome) => {
      app.explained = outcome;
      refreshPanel(app);
      document.getElementById('why-title')?.closest('.explanation')?.scrollIntoView({ block: 'nearest' });
      // The focus stays where the user acted: on the outcome's button.
      panel.querySelector<HTMLElement>(`.from-here button[aria-label="Explain ${outcome}"]`)?.focus();
    },
    closeExplanation: () => closeExplanation(app),
    pin: () => {
      const joint = app.view.states[position.at] as JointState;
      const label = describePoint(timeline, app.branches, app.session, position, joint.day);
      app.pinned = { position, joint, label };
      refreshPanel(app);
      document.querySelector<HTMLElement>('#compare-title')?.closest('section')?.querySelector('button')?.focus();
    },
    unpin: () => {
      app.pinned = null;
      refreshPanel(app);
      document.querySelector<HTMLElement>('.comparison button')?.focus();
    },
    goToPinned: () => {
      if (app.pinned) moveTo(app, app.pinned.position);
    },
    measure: () => {
      app.ablationAsked.add(position.at);
      refreshPanel(app);
    },
    ask: (query) => {
      app.query = query;
      app.askedAt = (document.getElementById('main') as HTMLElement).dataset.key ?? null;
      refreshPanel(app);
      (document.getElementById('query') as HTMLInputElement | null)?.focus();
    },
    open: (moves: readonly Move[]) => {
      const path = getPathMoves(timeline, position).slice(0, position.at);
      const base = Math.min(position.base, position.at);
      moveTo(app, { base, whatIf: [...path.slice(base), ...moves], at: path.length + moves.length });
    },
  };
}

start().catch((error: unknown) => {
  document.body.prepend(
    html('p', { role: 'alert', class: 'error' }, `The inspector could not start: ${String(error)}`),
  );
});
