import type { Db } from '../../db/client';
import type { Dialer } from '../dialers';
import { completeDrainedCampaigns, endPastCampaigns } from './campaign-status';
import { claimSlots, type ClaimedCall } from './claim-slots';
import { dueSlots } from './due-slots';
import type { SlotCache } from './slot-cache';

export interface PacerTickDeps {
  db: Db;
  now: Date;
  dialer: Dialer;
  instanceId: string;
  maxConcurrentCalls: number | null;
  graceMs: number;
  cache: SlotCache;
}

export interface PacerTickReport {
  ended: number;
  completed: number;
  claimed: ClaimedCall[];
}

/** Updates campaign statuses as of `now` (ended past end_date, completed when drained). */
export function updateCampaignStatuses(db: Db, now: Date): { ended: number; completed: number } {
  return { ended: endPastCampaigns(db, now), completed: completeDrainedCampaigns(db, now) };
}

/**
 * One pacer step at `now`: campaign status transitions, then every slot that fell due since the
 * campaign's last used slot (at most graceMs ago) is claimed and dialed at once. The live runner
 * (runner.ts) does the same but looks one tick ahead and dials each slot on a timer at its
 * instant; this form is what tests drive with a pinned clock.
 */
export function runPacerTick(deps: PacerTickDeps): PacerTickReport {
  const { db, now } = deps;
  const statuses = updateCampaignStatuses(db, now);
  const due = dueSlots(db, { now, until: now.getTime(), graceMs: deps.graceMs, cache: deps.cache }).filter((c) => c.slots.length > 0);
  const claimed = claimSlots(db, due, deps);
  for (const call of claimed) deps.dialer.dial(call);
  return { ...statuses, claimed };
}
