/** A worker thread of computeMany / ComputePool: answers each job it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { runJob, transferList, type Job } from './compute-job.js';

parentPort?.on('message', (job: Job) => {
  const reply = runJob(job);
  parentPort?.postMessage(reply, transferList(reply));
});
