/// <reference lib="dom" />
import { getStances } from '../../engine/joint-state.js';
import type { Move } from '../../engine/move.js';
import { getJointStateKey } from '../../engine/serialise.js';
import { exploreScenario, type ExploreResult } from '../../explore/explore-scenario.js';
import type { EventId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';
import { layoutChart } from './chart-layout.js';
import { html } from './dom.js';
import { backToTimeline, branchWith, decodePosition, encodePosition, getPathMoves, stepBy, type Position } from './navigation.js';
import { getPathView, type PathView } from './path-view.js';
import { drawChart, updateChart, type DrawnChart } from './render-chart.js';
import { renderFromHere, renderHere, renderWhatIf } from './render-panel.js';
import { renderTimeline } from './render-timeline.js';
import type { InspectorSession } from './session.js';

// The inspector page: it runs the same `step`, `getMoves` and explorer as the command line,
// bundled, on the model the server sends; nothing here is a second implementation.

const HORIZON_DAYS = 30;
const MAX_STATES = 200_000;

interface App {
  readonly model: Model;
  readonly timeline: readonly EventId[];
  readonly charts: ReadonlyMap<string, DrawnChart>;
  readonly session: InspectorSession;
  view: PathView;
  explored: Map<string, ExploreResult>;
}

async function start(): Promise<void> {
  const session = (await (await fetch('/api/session')).json()) as InspectorSession;
  const { model } = session;
  const timeline = model.timeline as readonly EventId[];
  const tooltip = document.getElementById('tooltip') as HTMLElement;
  const charts = new Map<string, DrawnChart>();
  const chartsElement = document.getElementById('charts') as HTMLElement;
  for (const party of model.parties) {
    const chart = drawChart(party, await layoutChart(party), tooltip);
    charts.set(party.id, chart);
    chartsElement.append(chart.element);
  }
  document.getElementById('title')!.textContent = model.title;
  document.getElementById('source')!.textContent = `${session.file} — from ${model.source.title}${model.source.publisher ? ` (${model.source.publisher})` : ''}`;

  const opening: Position = location.hash ? decodePosition(timeline, location.hash) : session.trace ? { base: session.trace.base, whatIf: session.trace.whatIf, at: session.trace.base + session.trace.whatIf.length } : decodePosition(timeline, '');
  const app: App = { model, timeline, charts, session, view: getPathView(model, opening), explored: new Map() };

  document.getElementById('back')!.addEventListener('click', () => moveTo(app, stepBy(timeline, app.view.position, -1)));
  document.getElementById('forward')!.addEventListener('click', () => moveTo(app, stepBy(timeline, app.view.position, 1)));
  document.getElementById('to-timeline')!.addEventListener('click', () => moveTo(app, backToTimeline(timeline, app.view.position)));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (event.key === 'ArrowLeft') moveTo(app, stepBy(timeline, app.view.position, -1));
    else if (event.key === 'ArrowRight') moveTo(app, stepBy(timeline, app.view.position, 1));
    else return;
    event.preventDefault();
  });
  render(app);
}

function moveTo(app: App, position: Position): void {
  app.view = getPathView(app.model, position);
  render(app);
}

function render(app: App): void {
  const { model, view, timeline } = app;
  const { position } = view;
  const joint = view.states[position.at] ?? view.states[0];
  if (!joint) return;
  history.replaceState(null, '', encodePosition(timeline, position));

  const stances = getStances(model, joint);
  for (const party of model.parties) updateChart(app.charts.get(party.id) as DrawnChart, stances[party.id] as string, view.taken);

  const total = getPathMoves(timeline, position).length;
  const onBranch = position.whatIf.length > 0 || position.base < timeline.length;
  const key = getJointStateKey(model, joint);
  const main = document.getElementById('main') as HTMLElement;
  main.dataset.key = key;
  main.dataset.at = String(position.at);
  (document.getElementById('back') as HTMLButtonElement).disabled = position.at === 0;
  (document.getElementById('forward') as HTMLButtonElement).disabled = position.at >= total;
  (document.getElementById('to-timeline') as HTMLButtonElement).hidden = !onBranch;
  document.getElementById('status')!.textContent = `${onBranch ? 'What-if branch' : 'Timeline'}: step ${position.at} of ${total}, day ${joint.day}`;
  document.getElementById('problem')!.textContent = view.problem ? `The address asked for a move that cannot happen: ${view.problem}` : '';

  document.getElementById('timelines')!.replaceChildren(
    renderTimeline(model, view, (at, branch) => moveTo(app, branch ? { ...position, at } : { base: timeline.length, whatIf: [], at })),
  );
  document.querySelector('#timelines li[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  const choose = (move: Move) => moveTo(app, branchWith(timeline, position, move));
  const panel = document.getElementById('panel') as HTMLElement;
  panel.replaceChildren(renderHere(model, joint), renderWhatIf(model, joint, HORIZON_DAYS, choose), renderFromHere(app.explored.get(key) ?? null));
  if (!app.explored.has(key)) {
    // Explore after the page has drawn, so that stepping stays responsive.
    setTimeout(() => {
      const result = exploreScenario(model, { point: { kind: 'end' }, joint, history: [], description: 'this point' }, { horizonDays: HORIZON_DAYS, maxStates: MAX_STATES });
      app.explored.set(key, result);
      if ((document.getElementById('main') as HTMLElement).dataset.key === key) panel.lastElementChild?.replaceWith(renderFromHere(result));
    }, 0);
  }
  if (app.session.stately) void fetch('/api/position', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ moves: getPathMoves(timeline, position).slice(0, position.at) }) });
}

start().catch((error: unknown) => {
  document.body.prepend(html('p', { role: 'alert', class: 'error' }, `The inspector could not start: ${String(error)}`));
});
