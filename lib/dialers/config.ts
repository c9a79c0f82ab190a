import { randomInt } from 'node:crypto';
import { z } from 'zod';

const number = (min: number, max: number) => z.coerce.number().min(min).max(max);

const kind = z.object({ DIALER: z.enum(['simulated', 'http'], { error: 'must be simulated or http' }).default('simulated') });

const simulated = z.object({
  SIM_ANSWER_RATE: number(0, 1).default(0.5),
  SIM_CALL_SECONDS: number(0, 86_400).optional(),
  SIM_SEED: z.coerce.number().int().optional(),
});

const http = z.object({
  DIALER_HTTP_URL: z.url({ protocol: /^https?$/ }),
  DIALER_HTTP_SECRET: z.string().min(1),
  DIALER_HTTP_TIMEOUT_MS: number(100, 600_000).default(10_000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.string().optional(),
});

export type DialerConfig =
  | { kind: 'simulated'; answerRate: number; callSeconds: number | null; seed: number }
  | { kind: 'http'; url: string; secret: string; timeoutMs: number; publicUrl: string };

/** Reads DIALER and its adapter's variables; a bad value fails start-up with the variable's name. */
export function dialerConfigFromEnv(env: Record<string, string | undefined> = process.env): DialerConfig {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const e = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, blank(v)]));
  if (kind.parse(e).DIALER === 'http') {
    const c = http.parse(e);
    return {
      kind: 'http',
      url: c.DIALER_HTTP_URL,
      secret: c.DIALER_HTTP_SECRET,
      timeoutMs: c.DIALER_HTTP_TIMEOUT_MS,
      publicUrl: c.PUBLIC_URL ?? `http://127.0.0.1:${c.PORT ?? 3000}`,
    };
  }
  const c = simulated.parse(e);
  return { kind: 'simulated', answerRate: c.SIM_ANSWER_RATE, callSeconds: c.SIM_CALL_SECONDS ?? null, seed: c.SIM_SEED ?? randomInt(2 ** 31) };
}
