import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { resultDeliveries } from '../../db/schema';
import type { DeliveryStatus } from '../enums';

export type DeliveryRow = typeof resultDeliveries.$inferSelect;

export interface DeliveryPageQuery {
  campaignId: number;
  status?: DeliveryStatus;
  afterId: number;
  limit: number;
}

/** One page of a campaign's deliveries in id order (result_deliveries_campaign_idx ends in the rowid). */
export function listDeliveries(db: Db, q: DeliveryPageQuery): DeliveryRow[] {
  const where: SQL[] = [eq(resultDeliveries.campaignId, q.campaignId), gt(resultDeliveries.id, q.afterId)];
  if (q.status) where.push(eq(resultDeliveries.status, q.status));
  return db
    .select()
    .from(resultDeliveries)
    .where(and(...where))
    .orderBy(asc(resultDeliveries.id))
    .limit(q.limit)
    .all();
}
