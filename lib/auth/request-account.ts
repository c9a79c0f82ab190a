import type { Db } from '../../db/client';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../errors';
import { bearerFailures, clientKey } from '../ops/rate-limit';
import { cookieValue } from './session-cookie';
import { SESSION_COOKIE, userForSession } from './sessions';
import { accountForToken } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own origin: browsers send Origin on
 * cross-site POST/PATCH/PUT/DELETE, so comparing it with the Host defeats CSRF.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) throw new ForbiddenError('Cross-site request refused.');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError('Cross-site request refused.');
  }
  if (originHost !== host) throw new ForbiddenError('Cross-site request refused.');
}

/** The account a request acts for: a bearer token (scripts) or a session cookie (dashboard). */
export function accountForRequest(db: Db, request: Request): number {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    // A client that sent too many bad tokens is refused before its token is even checked, so
    // guessing stays slow whether a guess is right or wrong.
    const limiter = bearerFailures();
    const client = clientKey(request);
    const wait = limiter.retryAfterSeconds(client);
    if (wait > 0) throw new RateLimitedError(wait);
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const accountId = m ? accountForToken(db, m[1]) : null;
    if (accountId === null) {
      limiter.recordFailure(client);
      const flood = limiter.globalRetryAfterSeconds();
      if (flood > 0) throw new RateLimitedError(flood);
      throw new UnauthorizedError('Invalid bearer token.');
    }
    return accountId;
  }
  const session = cookieValue(request, SESSION_COOKIE);
  if (session) {
    const user = userForSession(db, session);
    if (user) {
      assertSameOrigin(request);
      return user.accountId;
    }
  }
  throw new UnauthorizedError('Unauthenticated. Send an Authorization: Bearer token.');
}
