import type { Db } from '../../db/client';
import type { DialRequest } from '../dialers';
import { prepared } from './statements';

/** Slot instants (ms, ascending) of one running campaign that the pacer wants to use. */
export interface CampaignSlots {
  campaignId: number;
  startUrl: string;
  slots: readonly number[];
}

export interface ClaimedCall extends DialRequest {
  /** The slot the call was claimed for (its ideal dial instant, ms). */
  slotAt: number;
}

export interface ClaimOptions {
  now: Date;
  /** Written to calls.claimed_by so crash recovery can tell whose calls are live. */
  instanceId: string;
  /** Global cap on calls in `dialing`; null for none. */
  maxConcurrentCalls: number | null;
  /** A slot older than this when claimed is consumed unused: late slots are skipped, not made up. */
  graceMs: number;
}

interface CampaignCursor {
  status: string;
  paced_through: number | null;
}

/**
 * Claims one queued call per due slot, in queue (id) order, and moves each campaign's
 * paced_through past the slots it consumed — all in one BEGIN IMMEDIATE transaction, so two
 * processes (or two timers) offered the same slot cannot both use it: only slots after the
 * paced_through read under the write lock count, and the advance is conditional on that value.
 *
 * A slot is consumed even when it yields no call (queue empty, cap full, too late): a missed
 * slot stays missed. Only slots at or before `now` are considered. The cost is one indexed
 * read and two indexed writes per campaign plus one row per claimed call — independent of
 * queue length (calls_campaign_status_id_idx serves the claim).
 */
export function claimSlots(db: Db, due: readonly CampaignSlots[], options: ClaimOptions): ClaimedCall[] {
  const now = options.now.getTime();
  const cursor = prepared(db, 'SELECT status, paced_through FROM campaigns WHERE id = ?');
  const advance = prepared(db, 'UPDATE campaigns SET paced_through = ? WHERE id = ? AND paced_through IS ?');
  const dialing = prepared(db, "SELECT count(*) AS n FROM calls WHERE status = 'dialing'");
  const claim = prepared(
    db,
    `UPDATE calls SET status = 'dialing', attempt = attempt + 1, dialed_at = ?, claimed_by = ?, slot_at = ?
     WHERE id IN (SELECT id FROM calls WHERE campaign_id = ? AND status = 'queued' ORDER BY id LIMIT ?)
     RETURNING id, phone_number, ani, message_reference, attempt`,
  );
  const setSlot = prepared(db, 'UPDATE calls SET slot_at = ? WHERE id = ?');

  const run = db.$client.transaction(() => {
    // The cap is read only when set; its cost is bounded by the cap itself (calls_dialing_idx).
    let room = options.maxConcurrentCalls === null ? Infinity : options.maxConcurrentCalls - (dialing.get() as { n: number }).n;
    const claimed: ClaimedCall[] = [];
    const ordered = [...due].sort((a, b) => a.slots[0] - b.slots[0]);
    for (const { campaignId, startUrl, slots } of ordered) {
      const c = cursor.get(campaignId) as CampaignCursor | undefined;
      if (!c || c.status !== 'running') continue;
      const consumed = slots.filter((s) => s <= now && (c.paced_through === null || s > c.paced_through));
      if (consumed.length === 0) continue;
      if (advance.run(consumed[consumed.length - 1], campaignId, c.paced_through).changes !== 1) continue;
      const usable = consumed.filter((s) => s >= now - options.graceMs);
      const n = Math.min(usable.length, Math.max(0, room));
      if (n === 0) continue;
      // One statement claims the n first queued calls; the k-th in queue order gets the k-th slot
      // (usually n is 1: the runner claims each slot at its instant).
      const rows = (
        claim.all(now, options.instanceId, usable[0], campaignId, n) as Array<{
          id: number;
          phone_number: string;
          ani: string | null;
          message_reference: string | null;
          attempt: number;
        }>
      ).sort((a, b) => a.id - b.id);
      for (let k = 1; k < rows.length; k++) setSlot.run(usable[k], rows[k].id);
      room -= rows.length;
      rows.forEach((r, k) =>
        claimed.push({
          callId: r.id,
          campaignId,
          to: r.phone_number,
          ani: r.ani,
          startUrl,
          messageReference: r.message_reference,
          attempt: r.attempt,
          slotAt: usable[k],
        }),
      );
    }
    return claimed;
  });
  // RETURNING order is unspecified: dial in slot order, then queue order.
  return run.immediate().sort((a, b) => a.slotAt - b.slotAt || a.callId - b.callId);
}
