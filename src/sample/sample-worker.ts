import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../compile/compiled-model.js';
import { fromJointStateJson } from '../engine/serialise.js';
import { RunSampler } from './sample-runs.js';
import { SharedRuns } from './shared-runs.js';
import { toTallyData } from './tally.js';
import type { SampleJob, WorkerMessage } from './worker-protocol.js';

// A worker thread of `parley sample`: takes chunks of runs until none is left, then sends back its tally.
const job = workerData as SampleJob;
const shared = new SharedRuns(job.memory, job.runs);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const start = fromJointStateJson(job.model, job.start);
const compiled = compileModel(job.model, start.day, job.horizon);
const sampler = new RunSampler(compiled, compiled.encode(start), job.seed);
const shouldStop = () => shared.stopAsked();
let done = 0;
for (let from = shared.take(); from >= 0; from = shared.take()) {
  done += sampler.sample(from, shared.chunkEnd(from), undefined, shouldStop);
  post({ kind: 'progress', done });
}
post({ kind: 'done', tally: toTallyData(sampler.tally) });
