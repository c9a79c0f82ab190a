import { ForbiddenError } from '../errors';
import { SESSION_COOKIE, SESSION_DAYS } from './sessions';

/** True when the browser reached us over https (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto ? proto === 'https' : new URL(request.url).protocol === 'https:';
}

export function sessionCookie(request: Request, value: string, expiresAt: Date): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${SESSION_DAYS * 86_400}`,
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (isHttps(request)) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(request: Request): string {
  const parts = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'];
  if (isHttps(request)) parts.push('Secure');
  return parts.join('; ');
}

export function cookieValue(request: Request, name = SESSION_COOKIE): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Unauthenticated writes that set a cookie (setup, sign-in, sign-out) refuse cross-site
 * requests too, which stops login CSRF. A request without Origin (curl, scripts) is let through:
 * browsers always send Origin on cross-site POSTs.
 */
export function assertNotCrossSite(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    /* "null" or garbage */
  }
  if (!host || originHost !== host) throw new ForbiddenError('Cross-site request refused.');
}
