import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calls } from '../../db/schema';
import { CALL_STATUSES, type CallStatus } from '../enums';

export type CallRow = typeof calls.$inferSelect;

export interface CallPageQuery {
  campaignId: number;
  status?: CallStatus;
  /** Keyset: only calls with a larger id (0 for the first page). */
  afterId: number;
  limit: number;
}

/**
 * One page of a campaign's calls in queue (id) order. Each status is read as its own range of
 * calls_campaign_status_id_idx and the ranges are merged, so a page costs O(limit) rows at any
 * queue size (a single query over all statuses would sort every remaining call).
 */
export function listCalls(db: Db, q: CallPageQuery): CallRow[] {
  const statuses = q.status ? [q.status] : CALL_STATUSES;
  const rows = statuses.flatMap((status) =>
    db
      .select()
      .from(calls)
      .where(and(eq(calls.campaignId, q.campaignId), eq(calls.status, status), gt(calls.id, q.afterId)))
      .orderBy(asc(calls.id))
      .limit(q.limit)
      .all(),
  );
  return rows.sort((a, b) => a.id - b.id).slice(0, q.limit);
}
