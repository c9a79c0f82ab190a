import { RateLimitedError } from '../errors';

/**
 * Failed sign-ins are counted per email + client address in memory (one server process). After
 * MAX_FAILURES within WINDOW_MS further attempts are refused with 429 until the window has passed;
 * a success clears the count. The address comes from a header a client can forge when no proxy
 * sets it, so failures are also counted per email alone, with a looser limit.
 */
export const MAX_FAILURES = 10;
export const MAX_FAILURES_PER_EMAIL = 50;
const ANY_ADDRESS = '*';
export const WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 10_000;

interface Entry {
  failures: number[];
}

const holder = globalThis as typeof globalThis & { __callpaceSignInFailures?: Map<string, Entry> };
const entries = (holder.__callpaceSignInFailures ??= new Map());

const keyOf = (email: string, ip: string) => `${email}\u0000${ip}`;

function recent(entry: Entry | undefined, now: number): number[] {
  return entry ? entry.failures.filter((t) => now - t < WINDOW_MS) : [];
}

/** Throws RateLimitedError when this email + address has failed too often lately. */
export function assertSignInAllowed(email: string, ip: string, now = Date.now()): void {
  for (const [address, limit] of [[ip, MAX_FAILURES], [ANY_ADDRESS, MAX_FAILURES_PER_EMAIL]] as const) {
    const failures = recent(entries.get(keyOf(email, address)), now);
    if (failures.length >= limit) throw new RateLimitedError(Math.ceil((failures[0] + WINDOW_MS - now) / 1000));
  }
}

export function recordSignInFailure(email: string, ip: string, now = Date.now()): void {
  recordFailure(keyOf(email, ip), now);
  recordFailure(keyOf(email, ANY_ADDRESS), now);
}

function recordFailure(key: string, now: number): void {
  const failures = recent(entries.get(key), now);
  failures.push(now);
  entries.delete(key); // re-insert so Map order is least-recently-failed first
  entries.set(key, { failures });
  // Bounded memory: drop the oldest keys when a flood of distinct keys arrives.
  while (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value as string);
}

export function clearSignInFailures(email: string, ip: string): void {
  entries.delete(keyOf(email, ip));
  entries.delete(keyOf(email, ANY_ADDRESS));
}

/** The client's address: the first X-Forwarded-For hop behind a proxy, else X-Real-IP, else "local". */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'local';
}
