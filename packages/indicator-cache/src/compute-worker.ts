/** The worker thread of computeMany: runs the one job it is sent, replies, and is terminated. */
import { parentPort } from 'node:worker_threads';
import { runJob, transferList, type Job } from './compute-job.js';

parentPort?.once('message', (job: Job) => {
  const reply = runJob(job);
  parentPort?.postMessage(reply, transferList(reply));
});
