import { ZodError, type core } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  InUseError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../errors';
import { failure, json } from './reply';

function fieldLabel(path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return typeof last === 'string' ? last.replace(/_/g, ' ') : 'value';
}

function issueMessage(issue: core.$ZodIssue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined)
    return `The ${fieldLabel(issue.path)} field is required.`;
  return issue.message;
}

/** zod issues → `{"field": ["message", ...]}`, the reference's 422 shape. Nested paths are dotted. */
export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'body';
    (out[key] ??= []).push(issueMessage(issue));
  }
  return out;
}

function sqliteCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_') ? e.code : undefined;
}

/** The one table from domain errors to HTTP replies. Anything unknown is a logged, opaque 500. */
export function errorReply(e: unknown, log: (e: unknown) => void): Response {
  if (e instanceof ZodError) return json(zodFieldErrors(e), 422);
  if (e instanceof ValidationError) return json(e.fields, 422);
  if (e instanceof NotFoundError) return failure(404, e.message);
  if (e instanceof InUseError || e instanceof ConflictError) return failure(409, e.message);
  if (e instanceof UnauthorizedError) return failure(401, e.message, { 'www-authenticate': 'Bearer' });
  if (e instanceof ForbiddenError) return failure(403, e.message);
  // No `Connection: close`: decode.ts reads and discards the rest of the body (bounded), so the
  // client can finish sending and read this reply, and the connection stays usable; closing
  // at once would make Node destroy the socket while the client still sends (see decode.ts).
  if (e instanceof PayloadTooLargeError) return failure(413, e.message);
  if (e instanceof RateLimitedError) return failure(429, e.message, { 'retry-after': String(e.retryAfterSeconds) });
  const code = sqliteCode(e);
  if (e instanceof UnavailableError || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL')
    return failure(503, 'The database is temporarily unavailable. Try again shortly.', { 'retry-after': '1' });
  log(e);
  return failure(500, 'Internal server error.');
}
