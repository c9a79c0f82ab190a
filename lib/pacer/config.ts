import { z } from 'zod';

export interface PacerConfig {
  /** Global cap on calls in `dialing` (MAX_CONCURRENT_CALLS); null for none. */
  maxConcurrentCalls: number | null;
  /** A slot found later than this (a stalled process) is skipped rather than dialed late. */
  graceMs: number;
  /** How far past a tick the runner plans and sets timers: a tick interval plus slack for a late tick. */
  lookaheadMs: number;
  /** Slots this close together share one claim transaction, dialed at the bucket's last slot. */
  bucketMs: number;
}

export const DEFAULT_PACER_CONFIG: PacerConfig = { maxConcurrentCalls: null, graceMs: 2_000, lookaheadMs: 1_250, bucketMs: 10 };

const env = z.object({
  PACER: z.enum(['on', 'off']).default('on'),
  MAX_CONCURRENT_CALLS: z.coerce.number().int().min(0).default(0),
});

/** PACER=off disables the runner in this process (tests that drive the database themselves). */
export function pacerConfigFromEnv(e: Record<string, string | undefined> = process.env): PacerConfig & { enabled: boolean } {
  const c = env.parse(Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v.trim() !== '')));
  return { ...DEFAULT_PACER_CONFIG, enabled: c.PACER === 'on', maxConcurrentCalls: c.MAX_CONCURRENT_CALLS > 0 ? c.MAX_CONCURRENT_CALLS : null };
}
