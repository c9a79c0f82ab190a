/**
 * Failure-counting rate limit for bad bearer tokens (dashboard sign-ins have their own, in
 * lib/auth/sign-in-limiter). In memory, per process: a limit is a brake on guessing, not an
 * accounting system, and Callpace runs one server process per database. Kept on globalThis
 * because Next loads this module more than once per process.
 */

export interface FailureLimitOptions {
  /** Failures allowed per client key within `windowMs`; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
  /** Failures across all keys within `windowMs` before every key is refused (rotating-key guard). */
  maxGlobalFailures: number;
  /** Keys remembered at most; the oldest are forgotten first (bounded memory under attack). */
  maxKeys?: number;
}

interface Bucket {
  /** Start of the current window (ms). */
  start: number;
  failures: number;
}

export class FailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private global: Bucket = { start: -Infinity, failures: 0 };

  constructor(readonly options: FailureLimitOptions) {}

  private bucket(key: string, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b || now - b.start >= this.options.windowMs) {
      if (b) this.buckets.delete(key);
      b = { start: now, failures: 0 };
      this.buckets.set(key, b);
      const max = this.options.maxKeys ?? 10_000;
      // Map iteration is insertion order: the first key is the least recently (re)started.
      while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    return b;
  }

  private globalBucket(now: number): Bucket {
    if (now - this.global.start >= this.options.windowMs) this.global = { start: now, failures: 0 };
    return this.global;
  }

  /** Seconds until `key` may try again (its own failures), or 0 when it may try now. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const b = this.buckets.get(key);
    if (!b || now - b.start >= this.options.windowMs || b.failures < this.options.maxFailures) return 0;
    return Math.max(1, Math.ceil((b.start + this.options.windowMs - now) / 1000));
  }

  /**
   * Seconds until the failure rate over all keys is back under its ceiling, or 0. Callers use
   * it to turn further *failures* into 429s (a flood from rotating keys), never to refuse a
   * request that succeeds: a ceiling shared by everyone must not let one client lock out all.
   */
  globalRetryAfterSeconds(now = Date.now()): number {
    const g = this.globalBucket(now);
    if (g.failures < this.options.maxGlobalFailures) return 0;
    return Math.max(1, Math.ceil((g.start + this.options.windowMs - now) / 1000));
  }

  recordFailure(key: string, now = Date.now()): void {
    this.bucket(key, now).failures++;
    this.globalBucket(now).failures++;
  }

  /** Forgets a key's failures (e.g. after a successful password sign-in). */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

const holder = globalThis as typeof globalThis & { __callpaceLimiters?: Map<string, FailureLimiter> };

function shared(name: string, make: () => FailureLimiter): FailureLimiter {
  holder.__callpaceLimiters ??= new Map();
  let l = holder.__callpaceLimiters.get(name);
  if (!l) holder.__callpaceLimiters.set(name, (l = make()));
  return l;
}

/**
 * Bad bearer tokens: AUTH_FAILURE_LIMIT (default 20) per client per AUTH_FAILURE_WINDOW_SECONDS
 * (default 60), and 10× that across all clients.
 */
export function bearerFailures(): FailureLimiter {
  return shared('bearer', () => {
    const maxFailures = envInt('AUTH_FAILURE_LIMIT', 20);
    return new FailureLimiter({ maxFailures, windowMs: envInt('AUTH_FAILURE_WINDOW_SECONDS', 60) * 1000, maxGlobalFailures: maxFailures * 10 });
  });
}

/**
 * The client a request comes from, for rate limiting: the last X-Forwarded-For entry. Behind a
 * reverse proxy that appends the peer address (nginx `proxy_add_x_forwarded_for`, Caddy,
 * Traefik), that entry is the real client whatever the client sent. Served directly, Next sets
 * the header to the socket address only when the request has none, so a direct client can pick
 * its own key: the per-key limit then binds honest clients and misbehaving scripts, and the
 * global ceiling bounds a client that rotates keys.
 */
export function clientKey(request: Request): string {
  const xff = request.headers.get('x-forwarded-for');
  const last = xff?.split(',').pop()?.trim();
  return (last || 'unknown').slice(0, 64);
}
