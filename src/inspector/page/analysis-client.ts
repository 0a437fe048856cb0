import type { Model } from '../../model/model.js';
import type { WorkerMessage, WorkerReply } from './analysis-protocol.js';
import type { AnalysisAnswers, AnalysisKind, AnalysisRequest } from './analysis-request.js';

/** A request with the key that names it (`getRequestKey`). */
export interface KeyedRequest {
  readonly key: string;
  readonly request: AnalysisRequest;
}

/** An answered request: its answer, or why the worker has none (a fault of parley's own, shown as such). */
export type Answered<K extends AnalysisKind> = { readonly answer: AnalysisAnswers[K] } | { readonly failure: string };

/** The part of a `Worker` the client uses, so that a test can stand in for one. */
export interface WorkerPort {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: { readonly data: WorkerReply }) => void): void;
}

export interface AnalysisClient {
  /**
   * Says what the page wants answered now, most wanted first. Each request is answered once and
   * its answer kept; one asked before and no longer wanted is dropped unless the worker is
   * already answering it, so that stepping quickly does not queue work for points left behind.
   */
  want(requests: readonly KeyedRequest[]): void;
  /** The answer to a request, if the worker has given it. */
  get<K extends AnalysisKind>(key: string): Answered<K> | undefined;
}

/**
 * Creates a client that asks the worker one question at a time, the most wanted first, and
 * calls `onAnswer` with each request's key when its answer arrives.
 */
export function createAnalysisClient(
  model: Model,
  worker: WorkerPort,
  onAnswer: (key: string) => void,
): AnalysisClient {
  const answers = new Map<string, Answered<AnalysisKind>>();
  let queue: KeyedRequest[] = [];
  let asking: { readonly id: number; readonly key: string } | null = null;
  let nextId = 0;

  const askNext = () => {
    if (asking) return;
    const next = queue.shift();
    if (!next) return;
    asking = { id: nextId++, key: next.key };
    worker.postMessage({ type: 'ask', id: asking.id, request: next.request });
  };
  worker.addEventListener('message', ({ data }) => {
    if (!asking || data.id !== asking.id) return;
    const { key } = asking;
    answers.set(key, 'answer' in data ? { answer: data.answer } : { failure: data.failure });
    asking = null;
    askNext();
    onAnswer(key);
  });
  worker.postMessage({ type: 'model', model });

  return {
    want(requests) {
      const seen = new Set<string>();
      queue = requests.filter(({ key }) => {
        if (seen.has(key) || answers.has(key) || asking?.key === key) return false;
        seen.add(key);
        return true;
      });
      askNext();
    },
    get: <K extends AnalysisKind>(key: string) => answers.get(key) as Answered<K> | undefined,
  };
}
