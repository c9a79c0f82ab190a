import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { newSecret } from '../auth/secrets';

const SECRET_NAME = 'dialer_callback';

/**
 * The key that signs status-callback URLs: CALLBACK_SECRET, or one generated on first use and
 * stored in the database so every server process on it (and every restart) accepts the same URLs.
 */
export function callbackSecret(db: Db): string {
  const fromEnv = process.env.CALLBACK_SECRET;
  if (fromEnv) return fromEnv;
  const sqlite = db.$client;
  // INSERT OR IGNORE then read: two processes racing on first use agree on whichever row won.
  sqlite.prepare('INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)').run(SECRET_NAME, newSecret('cbk_'));
  return (sqlite.prepare('SELECT value FROM server_secrets WHERE name = ?').get(SECRET_NAME) as { value: string }).value;
}

/** The per-call token: an HMAC of the call id and attempt, so a URL is only good for that attempt. */
export function callbackToken(secret: string, callId: number, attempt: number): string {
  return createHmac('sha256', secret).update(`call:${callId}:${attempt}`).digest('base64url');
}

export function isValidCallbackToken(secret: string, callId: number, attempt: number, token: string): boolean {
  const expected = Buffer.from(callbackToken(secret, callId, attempt));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Our status-callback URL for one call attempt. */
export function callbackUrl(publicUrl: string, secret: string, callId: number, attempt: number): string {
  const url = new URL('/api/dialer/callback', publicUrl);
  url.searchParams.set('call_id', String(callId));
  url.searchParams.set('attempt', String(attempt));
  url.searchParams.set('token', callbackToken(secret, callId, attempt));
  return url.toString();
}
