import type { Db } from '../../db/client';
import { ForbiddenError, ValidationError } from '../errors';
import { completeCalls } from '../pacer/end-calls';
import { dialerCallbackInput, dialerCallbackQuery } from '../schemas/calls';
import { callbackSecret, isValidCallbackToken } from './callback-token';

/**
 * Records a status the platform POSTed to a call's callback URL. The token must match the call
 * and attempt (403 otherwise, before anything is read). A repeated or late callback for a call
 * no longer dialing is accepted and ignored, so the platform stops retrying it.
 */
export function recordDialerCallback(db: Db, query: Record<string, string>, body: unknown, now: Date): void {
  const q = dialerCallbackQuery.safeParse(query);
  if (!q.success || !isValidCallbackToken(callbackSecret(db), q.data.call_id, q.data.attempt, q.data.token))
    throw new ForbiddenError('Invalid callback token.');
  if (body === null || typeof body !== 'object') throw ValidationError.of('body', 'The request body must be a JSON object.');
  const status = dialerCallbackInput.parse(body);
  completeCalls(
    db,
    [
      {
        callId: q.data.call_id,
        outcome: status.status,
        endedAt: status.ended_at ? new Date(status.ended_at) : now,
        durationSeconds: status.duration_seconds ?? 0,
      },
    ],
    now,
  );
}
