import type { Model } from '../../model/model.js';
import type { AnalysisAnswer, AnalysisRequest } from './analysis-request.js';

/** What the page sends its worker: the model once, then questions, each with an id for its reply. */
export type WorkerMessage =
  | { readonly type: 'model'; readonly model: Model }
  | { readonly type: 'ask'; readonly id: number; readonly request: AnalysisRequest };

/** The worker's reply to a question: its answer, or (a fault of parley's own) why it has none. */
export type WorkerReply =
  { readonly id: number; readonly answer: AnalysisAnswer } | { readonly id: number; readonly failure: string };
