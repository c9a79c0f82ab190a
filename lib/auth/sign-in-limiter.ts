import { RateLimitedError } from '../errors';

/**
 * Failed sign-ins are counted per email + client address in memory (one server process). After
 * MAX_FAILURES within WINDOW_MS further attempts are refused with 429 until the window has passed;
 * a success clears the count.
 */
export const MAX_FAILURES = 10;
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
  const failures = recent(entries.get(keyOf(email, ip)), now);
  if (failures.length >= MAX_FAILURES) throw new RateLimitedError(Math.ceil((failures[0] + WINDOW_MS - now) / 1000));
}

export function recordSignInFailure(email: string, ip: string, now = Date.now()): void {
  const key = keyOf(email, ip);
  const failures = recent(entries.get(key), now);
  failures.push(now);
  entries.delete(key); // re-insert so Map order is least-recently-failed first
  entries.set(key, { failures });
  // Bounded memory: drop the oldest keys when a flood of distinct keys arrives.
  while (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value as string);
}

export function clearSignInFailures(email: string, ip: string): void {
  entries.delete(keyOf(email, ip));
}

/** The client's address: the first X-Forwarded-For hop behind a proxy, else X-Real-IP, else "local". */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'local';
}
