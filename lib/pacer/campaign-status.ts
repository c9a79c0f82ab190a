import type { Db } from '../../db/client';
import { easternDate } from '../pacing';
import { prepared } from './statements';

/**
 * Any campaign not yet ended whose end_date is before today's Eastern date becomes `ended`
 * (isPastEnd's rule, evaluated in SQL so one statement covers every campaign). Its queued calls
 * stay queued, and calls already ringing finish normally.
 */
export function endPastCampaigns(db: Db, now: Date): number {
  return prepared(
    db,
    "UPDATE campaigns SET status = 'ended', updated_at = ? WHERE status != 'ended' AND end_date < ?",
  ).run(now.getTime(), easternDate(now)).changes;
}

/** A running campaign with nothing queued and nothing ringing is `completed` (add-calls reopens it). */
export function completeDrainedCampaigns(db: Db, now: Date): number {
  return prepared(
    db,
    "UPDATE campaigns SET status = 'completed', updated_at = ? WHERE status = 'running' AND calls_queued = 0 AND calls_dialing = 0",
  ).run(now.getTime()).changes;
}
