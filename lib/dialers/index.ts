import type { Db } from '../../db/client';
import { callbackSecret } from './callback-token';
import { createHttpDialer } from './http';
import type { Dialer, DialerEvents } from './port';
import { createSimulatedDialer } from './simulated';
import type { DialerConfig } from './config';

export type { CallEnd, Dialer, DialerEvents, DialRequest, OrphanedCall } from './port';
export { dialerConfigFromEnv, type DialerConfig } from './config';

/** The adapter DIALER names, wired to `events`. */
export function createDialer(config: DialerConfig, db: Db, events: DialerEvents, clock: () => Date): Dialer {
  switch (config.kind) {
    case 'simulated':
      return createSimulatedDialer({ ...config, clock }, events);
    case 'http':
      return createHttpDialer({ ...config, callbackSecret: callbackSecret(db), clock }, events);
  }
}
