import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { CampaignStatus } from '../enums';
import { isPastEnd } from '../pacing';
import { getCampaignRow } from './queries';

/**
 * Starts a campaign. The pacer dials from the next slot on (slots before now are never made
 * up). A campaign already past its end_date is marked `ended` instead: starting it is not an
 * error, it simply has nothing left to dial. An empty queue makes it `completed` at once.
 */
export function startCampaign(db: Db, accountId: number, id: number, now = new Date()): CampaignStatus {
  return db.transaction((tx) => {
    const current = getCampaignRow(tx as unknown as Db, accountId, id);
    const status: CampaignStatus = isPastEnd(current, now)
      ? 'ended'
      : current.callsQueued === 0 && current.callsDialing === 0
        ? 'completed'
        : 'running';
    tx.update(campaigns)
      .set({ status, pacedThrough: now, updatedAt: now })
      .where(and(eq(campaigns.id, id), eq(campaigns.accountId, accountId)))
      .run();
    return status;
  });
}

/** Stops a campaign: no further call is claimed. Calls already ringing finish normally. */
export function stopCampaign(db: Db, accountId: number, id: number, now = new Date()): CampaignStatus {
  return db.transaction((tx) => {
    const current = getCampaignRow(tx as unknown as Db, accountId, id);
    if (current.status === 'ended') return current.status;
    tx.update(campaigns)
      .set({ status: 'stopped', updatedAt: now })
      .where(and(eq(campaigns.id, id), eq(campaigns.accountId, accountId)))
      .run();
    return 'stopped';
  });
}
