/** A worker thread of computeMany / ComputePool: answers each job it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { runJob, transferList } from './compute-job.js';
import { decodeJob, SharedBufferReceiver, type ForgetMessage, type WireJob } from './compute-transport.js';

const buffers = new SharedBufferReceiver();

parentPort?.on('message', (message: WireJob | ForgetMessage) => {
  if ('forget' in message) {
    buffers.forget(message);
    return;
  }
  const reply = runJob(decodeJob(message, buffers));
  parentPort?.postMessage(reply, transferList(reply));
});
