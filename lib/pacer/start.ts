import cron from 'node-cron';
import { ZodError } from 'zod';
import { databasePath, getDb } from '../../db/client';
import { createDialer, dialerConfigFromEnv } from '../dialers';
import { logger } from '../log';
import { pacerStarted } from '../ops/runtime-stats';
import { resultDeliveryConfigFromEnv } from '../results/config';
import { startCheckpointer } from './checkpointer';
import { pacerConfigFromEnv } from './config';
import { createPacer, type Pacer } from './runner';

/** The node-cron task's name (lib/ops/shutdown stops it by name). */
export const PACER_TASK = 'callpace-pacer';

// Next may load this module twice in one process and call register() more than once: the
// promise on globalThis makes every caller share one pacer.
const holder = globalThis as typeof globalThis & { __callpacePacer?: Promise<Pacer | null> };

/** Starts this process's pacer once (a tick every second by node-cron); null when PACER=off. */
export function startPacerOnce(): Promise<Pacer | null> {
  holder.__callpacePacer ??= startPacer();
  return holder.__callpacePacer;
}

/** Reads every pacer, dialer and result variable; a bad one is reported by name. */
function configFromEnv() {
  try {
    return { pacer: pacerConfigFromEnv(), dialer: dialerConfigFromEnv(), results: resultDeliveryConfigFromEnv() };
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    throw new Error(`invalid configuration: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

async function startPacer(): Promise<Pacer | null> {
  const { pacer: { enabled, ...config }, dialer: dialerConfig, results } = configFromEnv();
  if (!enabled) {
    logger.info('pacer disabled (PACER=off)');
    return null;
  }
  startCheckpointer(getDb(), databasePath());
  const clock = () => new Date();
  const pacer = createPacer({ db: getDb, clock, config, results, dialer: (events) => createDialer(dialerConfig, getDb(), events, clock) });
  // Recovery of a crashed predecessor's calls may wait on the dialer platform; it does not hold
  // up the server or the first ticks.
  void pacer.start();
  cron.schedule('* * * * * *', () => pacer.tick(), { name: PACER_TASK, noOverlap: true });
  pacerStarted(pacer.instanceId);
  logger.info({ instanceId: pacer.instanceId, dialer: dialerConfig.kind, maxConcurrentCalls: config.maxConcurrentCalls }, 'pacer started');
  return pacer;
}
