import { getDb, type Db } from '../../db/client';
import { logger } from '../log';
import { decodeRequest } from '../wire/decode';
import { errorReply } from '../wire/errors';
import { assertNotCrossSite } from './session-cookie';

/**
 * The wrapper of the unauthenticated auth routes (setup, sign-in, sign-out): no session or token
 * needed, cross-site posts refused, body decoded like every API body, errors mapped by the one
 * error table.
 */
export function authRoute(handler: (ctx: { db: Db; input: Record<string, unknown>; request: Request }) => Promise<Response> | Response) {
  return async (request: Request): Promise<Response> => {
    let cleanup: (() => Promise<void>) | undefined;
    try {
      assertNotCrossSite(request);
      const db = getDb();
      const decoded = await decodeRequest(request);
      cleanup = decoded.cleanup;
      return await handler({ db, input: decoded.fields, request });
    } catch (e) {
      return errorReply(e, (err) => logger.error({ err, method: request.method, path: new URL(request.url).pathname }, 'request failed'));
    } finally {
      await cleanup?.();
    }
  };
}
