import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An upstream id is kept only when it is short and plain: it ends up in logs and headers. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id that ties a request's log line to the reply the client saw. A reverse proxy's
 * `X-Request-Id` is reused so logs correlate across hops; anything odd (newlines, control
 * characters, overlong values) is replaced by a fresh UUID rather than logged.
 */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
