import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import { createAnalysisClient, type WorkerPort } from '../../src/inspector/page/analysis-client.js';
import type { WorkerMessage, WorkerReply } from '../../src/inspector/page/analysis-protocol.js';
import {
  answerRequest,
  getRequestKey,
  PAGE_MAX_STATES,
  type AnalysisRequest,
} from '../../src/inspector/page/analysis-request.js';
import { canonicalJson, toJointStateJson } from '../../src/engine/serialise.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { HARBOUR, loadModel } from '../helpers/scenarios.js';

/** A stand-in for the page's worker: it holds each question until the test lets it answer. */
function createHeldWorker(model: Model) {
  const sent: WorkerMessage[] = [];
  let listener: ((event: { data: WorkerReply }) => void) | null = null;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, l) => (listener = l),
  };
  const asked = () => sent.filter((m) => m.type === 'ask');
  return {
    port,
    sent,
    asked,
    /** Answers the last question sent, as the worker would, by answering it with the real analysis. */
    answerLast() {
      const last = asked().at(-1);
      if (!last || last.type !== 'ask') throw new Error('nothing asked');
      listener?.({ data: { id: last.id, answer: answerRequest(model, last.request) } });
    },
  };
}

const model = loadModel(HARBOUR);
const start = resolveStart(model, { kind: 'end' });
if ('error' in start) throw new Error(start.error);
const keyed = (request: AnalysisRequest) => ({
  key: getRequestKey(request, canonicalJson(request.state)),
  request,
});

describe("the inspector's worker questions", () => {
  it('are answered with the command line analyses, a query that cannot be read with its message', () => {
    const explored = answerRequest(model, {
      kind: 'explore',
      state: toJointStateJson(model, start.joint),
      history: start.history,
    });
    const direct = exploreScenario(
      model,
      { point: { kind: 'end' }, joint: start.joint, history: start.history, description: 'this point' },
      { maxStates: PAGE_MAX_STATES, path: 'likeliest' },
    );
    expect(explored).toEqual(direct);
    // Question and answer cross between page and worker by structured clone: nothing may be lost on the way.
    const request: AnalysisRequest = {
      kind: 'explore',
      state: toJointStateJson(model, start.joint),
      history: start.history,
    };
    expect(structuredClone(request)).toEqual(request);
    expect(structuredClone(explored)).toEqual(explored);
    expect(
      answerRequest(model, {
        kind: 'check',
        state: toJointStateJson(model, start.joint),
        history: start.history,
        query: 'eventually (',
      }),
    ).toMatch(/query/);
  });

  it('are asked one at a time, the most wanted first; those no longer wanted are dropped', () => {
    const worker = createHeldWorker(model);
    const answered: string[] = [];
    const client = createAnalysisClient(model, worker.port, (key) => answered.push(key));
    expect(worker.sent[0]).toEqual({ type: 'model', model });
    const explore = keyed({ kind: 'explore', state: toJointStateJson(model, start.joint), history: start.history });
    const stability = keyed({ kind: 'stability', state: toJointStateJson(model, start.joint), history: start.history });
    const sensitivity = keyed({
      kind: 'sensitivity',
      state: toJointStateJson(model, start.joint),
      history: start.history,
    });
    client.want([explore, stability, sensitivity]);
    expect(worker.asked()).toHaveLength(1);
    expect(client.get(explore.key)).toBeUndefined();
    // The user stepped on: only the sensitivity is still wanted (the exploration is already being answered).
    client.want([sensitivity, explore]);
    worker.answerLast();
    expect(answered).toEqual([explore.key]);
    expect(client.get(explore.key)).toHaveProperty('answer.type', 'explore');
    expect(worker.asked().map((m) => m.type === 'ask' && m.request.kind)).toEqual(['explore', 'sensitivity']);
    worker.answerLast();
    // Answered once: wanting it again asks nothing more.
    client.want([explore, sensitivity]);
    expect(worker.asked()).toHaveLength(2);
    expect(answered).toEqual([explore.key, sensitivity.key]);
    expect(client.get(stability.key)).toBeUndefined();
  });

  it('a fault in the worker is an answer that says so, and the next question is asked', () => {
    const sent: WorkerMessage[] = [];
    let listener: ((event: { data: WorkerReply }) => void) | null = null;
    const client = createAnalysisClient(
      model,
      { postMessage: (m) => sent.push(m), addEventListener: (_t, l) => (listener = l) },
      () => {},
    );
    const first = keyed({ kind: 'explore', state: toJointStateJson(model, start.joint), history: start.history });
    const second = keyed({ kind: 'stability', state: toJointStateJson(model, start.joint), history: start.history });
    client.want([first, second]);
    listener!({ data: { id: 0, failure: 'out of memory' } });
    expect(client.get(first.key)).toEqual({ failure: 'out of memory' });
    expect(sent.filter((m) => m.type === 'ask')).toHaveLength(2);
  });
});
