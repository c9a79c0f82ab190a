/**
 * The pacer thread's entry (started by ./pacer-thread.ts; under Next, Turbopack bundles this file
 * as a worker entry). It runs the pacer, the dialer and the result outbox on their own event loop
 * and their own database connection, so the API's request handling never delays a slot timer.
 */
import { parentPort } from 'node:worker_threads';
import { forwardRuntimeStats } from '../ops/runtime-stats';
import type { PacerThreadCommand, PacerThreadMessage } from './pacer-thread';
import { runPacer } from './start';

const post = (message: PacerThreadMessage) => parentPort!.postMessage(message);

forwardRuntimeStats((event) => post({ type: 'stats', event }));
const pacer = runPacer();
post({ type: 'started', instanceId: pacer.instanceId });

parentPort!.on('message', (command: PacerThreadCommand) => {
  if (command === 'pause') pacer.pause();
  else pacer.stop();
  post({ type: 'done', command });
});
