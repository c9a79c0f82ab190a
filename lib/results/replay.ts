import type { Db } from '../../db/client';
import { ConflictError, NotFoundError } from '../errors';

/**
 * Gives a dead delivery a fresh set of attempts, due now. Only the owner's deliveries are
 * visible; replaying one that is not dead is a conflict (it is pending or already delivered).
 */
export function replayDelivery(db: Db, accountId: number, id: number, now: Date): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const row = sqlite
      .prepare('SELECT d.status FROM result_deliveries d JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = ? AND c.account_id = ?')
      .get(id, accountId) as { status: string } | undefined;
    if (!row) throw new NotFoundError('Delivery', id);
    if (row.status !== 'dead') throw new ConflictError(`Delivery id ${id} is ${row.status}; only dead deliveries can be replayed.`);
    sqlite.prepare("UPDATE result_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?").run(now.getTime(), id);
  })();
}
