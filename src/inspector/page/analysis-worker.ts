/// <reference lib="webworker" />
import type { Model } from '../../model/model.js';
import { answerRequest } from './analysis-request.js';
import type { WorkerMessage, WorkerReply } from './analysis-protocol.js';

// The page's worker: it answers the page's questions one at a time with the command line's own
// analyses, off the page's thread, so that stepping never waits for an exploration.

declare const self: DedicatedWorkerGlobalScope;
let model: Model | null = null;

self.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.type === 'model') {
    model = message.model;
    return;
  }
  let reply: WorkerReply;
  try {
    if (!model) throw new Error('the worker was asked a question before it was given the model');
    reply = { id: message.id, answer: answerRequest(model, message.request) };
  } catch (error) {
    reply = { id: message.id, failure: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
