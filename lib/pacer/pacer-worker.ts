/**
 * The pacer thread's entry (started by ./pacer-thread.ts; under Next, Turbopack bundles this file
 * as a worker entry). It runs the pacer, the dialer and the result outbox on their own event loop
 * and their own database connection, so the API's request handling never delays a slot timer.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { logger } from '../log';
import { forwardRuntimeStats } from '../ops/runtime-stats';
import type { PacerThreadCommand, PacerThreadMessage } from './pacer-thread';
import { runPacer } from './start';

const post = (message: PacerThreadMessage) => parentPort!.postMessage(message);

// On Linux a nice value belongs to a thread: this raises the pacer's thread alone above the API's,
// so slot timers win the CPU when requests saturate it. Needs root or CAP_SYS_NICE (a container
// running as root has it); elsewhere the thread keeps the normal priority.
try {
  os.setPriority(0, os.constants.priority.PRIORITY_ABOVE_NORMAL);
} catch (err) {
  logger.debug({ err }, 'pacer thread keeps the normal CPU priority');
}

forwardRuntimeStats((event) => post({ type: 'stats', event }));
const pacer = runPacer();
post({ type: 'started', instanceId: pacer.instanceId });

parentPort!.on('message', (command: PacerThreadCommand) => {
  if (command === 'pause') pacer.pause();
  else pacer.stop();
  post({ type: 'done', command });
});
