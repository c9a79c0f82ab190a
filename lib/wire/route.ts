import { getDb, type Db } from '../../db/client';
import { accountForRequest } from '../auth/request-account';
import { NotFoundError } from '../errors';
import { logger } from '../log';
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

/**
 * The one wrapper every API route uses: authenticates (bearer or session), decodes the body in
 * whatever encoding it came, runs the handler, maps errors to replies and removes spooled uploads.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response> | Response) {
  return async (request: Request, context: NextContext<P>): Promise<Response> => {
    let cleanup: (() => Promise<void>) | undefined;
    try {
      const db = getDb();
      const accountId = accountForRequest(db, request);
      const decoded = await decodeRequest(request);
      cleanup = decoded.cleanup;
      const params = context?.params ? await context.params : ({} as P);
      return await handler({ db, accountId, input: decoded.fields, files: decoded.files, params, request });
    } catch (e) {
      return errorReply(e, (err) => logger.error({ err, method: request.method, path: new URL(request.url).pathname }, 'request failed'));
    } finally {
      await cleanup?.();
    }
  };
}

/** A path id: digits only; anything else is a plain 404 (no such resource). */
export function pathId(what: string, raw: string | undefined): number {
  if (raw && /^\d{1,15}$/.test(raw)) return Number(raw);
  throw new NotFoundError(what, raw ?? '');
}
