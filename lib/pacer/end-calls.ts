import type { Db } from '../../db/client';
import type { CallEnd } from '../dialers';
import { enqueueResults } from '../results/outbox';
import type { EndedCallRow } from '../results/payload';
import { prepared } from './statements';

const RETURNING = 'RETURNING id, campaign_id, phone_number, ani, message_reference, status, outcome, attempt, dialed_at, ended_at, duration_seconds';

/**
 * Records how calls ended (dialing → completed) and queues their results, in one transaction.
 * Only calls still `dialing` change: a late or repeated report (or one for a call already
 * resolved as interrupted) is ignored. Campaign counters follow by trigger.
 */
export function completeCalls(db: Db, ends: readonly CallEnd[], now: Date): number {
  if (ends.length === 0) return 0;
  const sqlite = db.$client;
  const complete = prepared(
    db,
    `UPDATE calls SET status = 'completed', outcome = ?, ended_at = ?, duration_seconds = ?
     WHERE id = ? AND status = 'dialing' ${RETURNING}`,
  );
  return sqlite.transaction(() => {
    const ended: EndedCallRow[] = [];
    for (const e of ends) {
      const row = complete.get(e.outcome, e.endedAt.getTime(), e.durationSeconds, e.callId) as EndedCallRow | undefined;
      if (row) ended.push(row);
    }
    enqueueResults(db, ended, now.getTime());
    return ended.length;
  })();
}

/**
 * Resolves calls whose outcome is lost (their process crashed mid-call) as `interrupted`.
 * They are never redialed blindly: a crash may have happened after the phone rang.
 */
export function interruptCalls(db: Db, callIds: readonly number[], now: Date): number {
  if (callIds.length === 0) return 0;
  const sqlite = db.$client;
  const interrupt = prepared(db, `UPDATE calls SET status = 'interrupted', ended_at = ? WHERE id = ? AND status = 'dialing' ${RETURNING}`);
  return sqlite.transaction(() => {
    const ended: EndedCallRow[] = [];
    for (const id of callIds) {
      const row = interrupt.get(now.getTime(), id) as EndedCallRow | undefined;
      if (row) ended.push(row);
    }
    enqueueResults(db, ended, now.getTime());
    return ended.length;
  })();
}
