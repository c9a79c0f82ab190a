/**
 * The pacer thread's entry (started by ./pacer-thread.ts; under Next, Turbopack bundles this file
 * as a worker entry). It runs the pacer, the dialer and the result outbox on their own event loop
 * and their own database connection, so the API's request handling never delays a slot timer.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { logger } from '../log';
import { forwardRuntimeStats } from '../ops/runtime-stats';
import type { PacerThreadMessage, PacerThreadRequest } from './pacer-thread';
import { runPacer } from './start';

const post = (message: PacerThreadMessage) => parentPort!.postMessage(message);

// On Linux a nice value belongs to a thread: this raises the pacer's thread alone above the API's,
// so slot timers win the CPU when requests saturate it. Needs CAP_SYS_NICE: root on a host has it;
// containers lack it by default even as root (`--cap-add SYS_NICE`). Without it the thread keeps
// the normal priority, and says so.
try {
  os.setPriority(0, os.constants.priority.PRIORITY_ABOVE_NORMAL);
} catch (err) {
  logger.warn(
    { code: (err as NodeJS.ErrnoException).code },
    'pacer thread runs at normal CPU priority (raising it needs CAP_SYS_NICE): dials may run late while the CPU is saturated',
  );
}

forwardRuntimeStats((event) => post({ type: 'stats', event }));
const pacer = runPacer();
post({ type: 'started', instanceId: pacer.instanceId });

parentPort!.on('message', ({ id, command }: PacerThreadRequest) => {
  if (command === 'pause') pacer.pause();
  else pacer.stop();
  post({ type: 'done', id });
});
