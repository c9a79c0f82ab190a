import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { PhoneEntry } from '../phones';

export interface AddedCalls {
  added: number;
  duplicates: number;
}

const CHUNK = 500;

/**
 * Appends entries to a campaign's queue, skipping numbers the campaign already has (or that
 * repeat within the list) and counting them. Runs inside the caller's transaction; it also
 * bumps the campaign's total/queued counters (inserts are not counted by triggers).
 */
export function insertCalls(tx: Db, campaignId: number, entries: PhoneEntry[]): AddedCalls {
  const sqlite = tx.$client;
  const one = sqlite.prepare('INSERT OR IGNORE INTO calls (campaign_id, phone_number, ani, message_reference) VALUES (?, ?, ?, ?)');
  const values = '(?, ?, ?, ?)';
  const many = sqlite.prepare(
    `INSERT OR IGNORE INTO calls (campaign_id, phone_number, ani, message_reference) VALUES ${Array(CHUNK).fill(values).join(', ')}`,
  );
  let added = 0;
  let i = 0;
  const params: unknown[] = new Array(CHUNK * 4);
  for (; i + CHUNK <= entries.length; i += CHUNK) {
    for (let k = 0; k < CHUNK; k++) {
      const e = entries[i + k];
      params[k * 4] = campaignId;
      params[k * 4 + 1] = e.phoneNumber;
      params[k * 4 + 2] = e.ani;
      params[k * 4 + 3] = e.messageReference;
    }
    added += many.run(params).changes;
  }
  for (; i < entries.length; i++) {
    const e = entries[i];
    added += one.run(campaignId, e.phoneNumber, e.ani, e.messageReference).changes;
  }
  if (added > 0)
    tx.update(campaigns)
      .set({ callsTotal: sql`${campaigns.callsTotal} + ${added}`, callsQueued: sql`${campaigns.callsQueued} + ${added}` })
      .where(eq(campaigns.id, campaignId))
      .run();
  return { added, duplicates: entries.length - added };
}
