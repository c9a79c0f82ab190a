import type { Db } from '../../db/client';

const HOUR_MS = 3_600_000;
/** The chart shows at most a week of hours, ending at the latest hour with a dial. */
export const MAX_HOURS = 168;

export interface HourlyDials {
  /** Start of the hour (UTC instant, ISO). */
  hour: string;
  dials: number;
  answered: number;
  busy: number;
  'no-answer': number;
  failed: number;
}

export interface CampaignStats {
  dials_per_hour: HourlyDials[];
  outcomes: { answered: number; busy: number; 'no-answer': number; failed: number };
}

/**
 * Dials per hour (by `dialed_at`) for a campaign's last active week, with their outcomes, plus the
 * outcome mix of all its completed calls. The caller has checked that the campaign is the
 * account's. Hours without dials inside the range are filled with zeros so the chart's time axis
 * is even.
 */
export function campaignStats(db: Db, campaignId: number): CampaignStats {
  const rows = db.$client
    .prepare(
      `SELECT dialed_at / ${HOUR_MS} AS h,
              count(*) AS dials,
              sum(outcome = 'answered') AS answered,
              sum(outcome = 'busy') AS busy,
              sum(outcome = 'no-answer') AS no_answer,
              sum(outcome = 'failed') AS failed
         FROM calls
        WHERE campaign_id = ? AND dialed_at IS NOT NULL
        GROUP BY h
        ORDER BY h DESC
        LIMIT ${MAX_HOURS}`,
    )
    .all(campaignId) as Array<{ h: number; dials: number; answered: number; busy: number; no_answer: number; failed: number }>;

  const byHour = new Map(rows.map((r) => [r.h, r]));
  const hours: HourlyDials[] = [];
  if (rows.length > 0) {
    const last = rows[0].h;
    const first = Math.max(rows[rows.length - 1].h, last - MAX_HOURS + 1);
    for (let h = first; h <= last; h++) {
      const r = byHour.get(h);
      hours.push({
        hour: new Date(h * HOUR_MS).toISOString(),
        dials: r?.dials ?? 0,
        answered: r?.answered ?? 0,
        busy: r?.busy ?? 0,
        'no-answer': r?.no_answer ?? 0,
        failed: r?.failed ?? 0,
      });
    }
  }

  const mix = db.$client
    .prepare(
      `SELECT outcome_answered AS answered, outcome_busy AS busy, outcome_no_answer AS no_answer, outcome_failed AS failed
         FROM campaigns WHERE id = ?`,
    )
    .get(campaignId) as { answered: number; busy: number; no_answer: number; failed: number } | undefined;

  return {
    dials_per_hour: hours,
    outcomes: { answered: mix?.answered ?? 0, busy: mix?.busy ?? 0, 'no-answer': mix?.no_answer ?? 0, failed: mix?.failed ?? 0 },
  };
}
