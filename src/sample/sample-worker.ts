import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../compile/compiled-model.js';
import { fromJointStateJson } from '../engine/serialise.js';
import { sampleRuns } from './sample-runs.js';
import { toTallyData } from './tally.js';
import type { SampleJob, WorkerMessage } from './worker-protocol.js';

// A worker thread of `parley sample`: runs its share of the runs and sends back the tally.
const job = workerData as SampleJob;
const start = fromJointStateJson(job.model, job.start);
const compiled = compileModel(job.model, start.day, job.horizon);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const stopFlag = new Int32Array(job.stopFlag);
const shouldStop = () => Atomics.load(stopFlag, 0) !== 0;
const tally = sampleRuns(
  compiled,
  compiled.encode(start),
  job.seed,
  job.from,
  job.to,
  (done) => post({ kind: 'progress', done }),
  shouldStop,
);
post({ kind: 'done', tally: toTallyData(tally) });
