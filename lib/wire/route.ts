import { getDb, type Db } from '../../db/client';
import { accountForRequest } from '../auth/request-account';
import { NotFoundError } from '../errors';
import { waitForBulkInsertEnd } from '../calls/ingest/bulk-insert';
import { logger } from '../log';
import { onDatabaseError } from '../ops/db-guard';
import { REQUEST_ID_HEADER, requestIdOf } from '../ops/request-id';
import { decodeRequest, type UploadedFile } from './decode';
import { errorReply } from './errors';

export interface RouteContext<P> {
  db: Db;
  accountId: number;
  /** Query string and body fields merged (body wins). */
  input: Record<string, unknown>;
  files: UploadedFile[];
  params: P;
  request: Request;
}

type NextContext<P> = { params: Promise<P> };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * How long a write request waits for a running bulk insert to commit: long enough for a list of
 * ~100,000 calls (about 1 s to insert here), short enough that a client behind a million-row
 * insert gets its 503 + Retry-After quickly.
 */
const BULK_INSERT_WAIT_MS = 2_000;

/**
 * The one wrapper every API route uses: authenticates (bearer or session), decodes the body in
 * whatever encoding it came, runs the handler, maps errors to replies and removes spooled uploads.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response> | Response) {
  return async (request: Request, context: NextContext<P>): Promise<Response> => {
    const started = performance.now();
    const reqId = requestIdOf(request);
    const path = new URL(request.url).pathname;
    let cleanup: (() => Promise<void>) | undefined;
    let response: Response;
    try {
      const db = getDb();
      const accountId = accountForRequest(db, request);
      const decoded = await decodeRequest(request);
      cleanup = decoded.cleanup;
      const params = context?.params ? await context.params : ({} as P);
      // While an ingest worker holds the write lock, a write would fail fast (lib/ops/db-guard):
      // wait for the insert to commit first — asynchronously, so other requests go on — for a
      // while. Past that the handler runs anyway and a write answers 503 + Retry-After.
      if (!READ_METHODS.has(request.method)) await waitForBulkInsertEnd(BULK_INSERT_WAIT_MS);
      response = await handler({ db, accountId, input: decoded.fields, files: decoded.files, params, request });
    } catch (e) {
      onDatabaseError(e);
      response = errorReply(e, (err) => logger.error({ err, reqId, method: request.method, path }, 'request failed'));
    } finally {
      await cleanup?.();
    }
    // One line per request: never headers, tokens, query strings or bodies.
    try {
      response.headers.set(REQUEST_ID_HEADER, reqId);
    } catch {
      /* immutable headers (a proxied Response): the log line still has the id */
    }
    logger.info({ reqId, method: request.method, path, status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
    return response;
  };
}

/** A path id: digits only; anything else is a plain 404 (no such resource). */
export function pathId(what: string, raw: string | undefined): number {
  if (raw && /^\d{1,15}$/.test(raw)) return Number(raw);
  throw new NotFoundError(what, raw ?? '');
}
