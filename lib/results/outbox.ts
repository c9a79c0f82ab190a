import type { Db } from '../../db/client';
import { prepared } from '../pacer/statements';
import { resultPayload, type EndedCallRow } from './payload';

/**
 * Queues a call's result for its campaign's result_url. Called inside the transaction that ends
 * the call, so a result is recorded exactly when its call ends — never lost, never twice
 * (one row per call, by the unique index on call_id). Campaigns without result_url get no row.
 */
export function enqueueResults(db: Db, calls: EndedCallRow[], now: number): number {
  if (calls.length === 0) return 0;
  const resultUrl = prepared(db, 'SELECT result_url AS url FROM campaigns WHERE id = ?');
  const insert = prepared(
    db,
    `INSERT OR IGNORE INTO result_deliveries (campaign_id, call_id, url, payload, status, next_attempt_at)
     VALUES (?, ?, ?, ?, 'pending', ?)`,
  );
  const urls = new Map<number, string | null>();
  let queued = 0;
  for (const call of calls) {
    if (!urls.has(call.campaign_id)) urls.set(call.campaign_id, (resultUrl.get(call.campaign_id) as { url: string | null } | undefined)?.url ?? null);
    const url = urls.get(call.campaign_id);
    if (url) queued += insert.run(call.campaign_id, call.id, url, JSON.stringify(resultPayload(call)), now).changes;
  }
  return queued;
}
