import cron from 'node-cron';
import { getDb } from '../../db/client';
import { createDialer, dialerConfigFromEnv } from '../dialers';
import { logger } from '../log';
import { resultDeliveryConfigFromEnv } from '../results/config';
import { pacerConfigFromEnv } from './config';
import { createPacer, type Pacer } from './runner';

// Next may load this module twice in one process and call register() more than once: the
// promise on globalThis makes every caller share one pacer.
const holder = globalThis as typeof globalThis & { __callpacePacer?: Promise<Pacer | null> };

/** Starts this process's pacer once (a tick every second by node-cron); null when PACER=off. */
export function startPacerOnce(): Promise<Pacer | null> {
  holder.__callpacePacer ??= startPacer();
  return holder.__callpacePacer;
}

async function startPacer(): Promise<Pacer | null> {
  const { enabled, ...config } = pacerConfigFromEnv();
  if (!enabled) {
    logger.info('pacer disabled (PACER=off)');
    return null;
  }
  // Configuration is read first so a bad variable stops start-up with its name.
  const dialerConfig = dialerConfigFromEnv();
  const results = resultDeliveryConfigFromEnv();
  const db = getDb();
  const clock = () => new Date();
  const pacer = createPacer({ db, clock, config, results, dialer: (events) => createDialer(dialerConfig, db, events, clock) });
  await pacer.start();
  cron.schedule('* * * * * *', () => pacer.tick(), { name: 'callpace-pacer', noOverlap: true });
  logger.info({ instanceId: pacer.instanceId, dialer: dialerConfig.kind, maxConcurrentCalls: config.maxConcurrentCalls }, 'pacer started');
  return pacer;
}
