import cron from 'node-cron';
import { ZodError } from 'zod';
import { databasePath, getDb } from '../../db/client';
import { createDialer, dialerConfigFromEnv } from '../dialers';
import { logger } from '../log';
import { pacerStarted } from '../ops/runtime-stats';
import { resultDeliveryConfigFromEnv } from '../results/config';
import { startCheckpointer } from './checkpointer';
import { pacerConfigFromEnv } from './config';
import { createPacer } from './runner';

/** The node-cron task's name. */
export const PACER_TASK = 'callpace-pacer';

/** Reads every pacer, dialer and result variable; a bad one is reported by name. */
export function pacerSettingsFromEnv() {
  try {
    return { pacer: pacerConfigFromEnv(), dialer: dialerConfigFromEnv(), results: resultDeliveryConfigFromEnv() };
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    throw new Error(`invalid configuration: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

/** A pacer running on this thread, and how to halt it. */
export interface RunningPacer {
  readonly instanceId: string;
  /** Stops ticking and claiming; call ends are still recorded. */
  pause(): void;
  /** Stops ticking, records the reported call ends, closes the dialer and the result sender. */
  stop(): void;
}

/**
 * Starts a pacer on this thread: registers it (throws when the database refuses), ticks it every
 * second by node-cron, and recovers a crashed predecessor's calls in the background (that may
 * wait on the dialer platform; it holds up neither the caller nor the first ticks). The server
 * runs this in its pacer thread (./pacer-thread.ts); benches and tests call createPacer directly.
 */
export function runPacer(): RunningPacer {
  const { pacer: { enabled: _enabled, ...config }, dialer: dialerConfig, results } = pacerSettingsFromEnv();
  const clock = () => new Date();
  const pacer = createPacer({ db: getDb, clock, config, results, dialer: (events) => createDialer(dialerConfig, getDb(), events, clock) });
  void pacer.start();
  startCheckpointer(getDb(), databasePath());
  const task = cron.schedule('* * * * * *', () => pacer.tick(), { name: PACER_TASK, noOverlap: true });
  pacerStarted(pacer.instanceId);
  logger.info({ instanceId: pacer.instanceId, dialer: dialerConfig.kind, maxConcurrentCalls: config.maxConcurrentCalls }, 'pacer started');
  return {
    instanceId: pacer.instanceId,
    pause() {
      void task.stop();
      pacer.pause();
    },
    stop() {
      void task.stop();
      pacer.stop();
    },
  };
}
