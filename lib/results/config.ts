import { z } from 'zod';

export interface ResultDeliveryConfig {
  /** First retry delay; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed attempts after which a delivery is `dead` (replayable through the API). */
  maxAttempts: number;
  /** One POST's time limit. */
  timeoutMs: number;
  /** POSTs in flight at once per server process. */
  concurrency: number;
}

const env = z.object({
  RESULT_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  RESULT_RETRY_MAX_MS: z.coerce.number().int().min(1).default(15 * 60_000),
  RESULT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(25),
  RESULT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  RESULT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(16),
});

export function resultDeliveryConfigFromEnv(e: Record<string, string | undefined> = process.env): ResultDeliveryConfig {
  const c = env.parse(Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v.trim() !== '')));
  return {
    baseDelayMs: c.RESULT_RETRY_BASE_MS,
    maxDelayMs: Math.max(c.RESULT_RETRY_MAX_MS, c.RESULT_RETRY_BASE_MS),
    maxAttempts: c.RESULT_MAX_ATTEMPTS,
    timeoutMs: c.RESULT_TIMEOUT_MS,
    concurrency: c.RESULT_CONCURRENCY,
  };
}

/**
 * Delay before the next attempt after `failures` failed ones: base · 2^(failures-1), capped, then
 * scaled into [50%, 100%] by `random` so receivers coming back up are not hit by every retry at once.
 */
export function retryDelayMs(failures: number, config: Pick<ResultDeliveryConfig, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const exponential = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** Math.min(failures - 1, 40));
  return Math.round(exponential * (0.5 + 0.5 * random()));
}
