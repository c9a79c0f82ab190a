import { timingSafeEqual, createHash } from 'node:crypto';
import { getDb } from '../../db/client';
import { CALL_OUTCOMES, CALL_STATUSES, CAMPAIGN_STATUSES } from '../enums';
import { lastUnavailable } from './db-guard';
import { outboxHealth, pacerHealth } from './health';
import { MetricsWriter } from './prometheus';
import { dialsPerSecond, runtimeStats } from './runtime-stats';

/**
 * /api/metrics in Prometheus text format. Every figure is either an O(campaigns) sum of the
 * counters the calls table's triggers keep on campaigns, an index range over the outbox backlog,
 * or an in-process counter, so a scrape never scans calls.
 */

interface DialSample {
  at: number;
  dialed: number;
}
const holder = globalThis as typeof globalThis & { __callpaceLastDialSample?: DialSample };

/**
 * Dials per second: the pacer's own count over the last 10 s when it reports to runtime-stats;
 * otherwise the change in calls that left the queue since the previous scrape.
 */
function dialRate(now: number, dialedTotal: number): number {
  const stats = runtimeStats().pacer;
  const prev = holder.__callpaceLastDialSample;
  holder.__callpaceLastDialSample = { at: now, dialed: dialedTotal };
  if (stats.ticks > 0) return dialsPerSecond(10, now);
  if (!prev || now - prev.at < 1000 || dialedTotal < prev.dialed) return 0;
  return Math.round(((dialedTotal - prev.dialed) / ((now - prev.at) / 1000)) * 100) / 100;
}

export function collectMetrics(now = Date.now()): string {
  const w = new MetricsWriter();
  const sqlite = getDb().$client;

  const sums = sqlite
    .prepare(
      `SELECT coalesce(sum(calls_total),0) AS total, coalesce(sum(calls_queued),0) AS queued, coalesce(sum(calls_dialing),0) AS dialing,
              coalesce(sum(calls_completed),0) AS completed, coalesce(sum(calls_interrupted),0) AS interrupted,
              coalesce(sum(outcome_answered),0) AS answered, coalesce(sum(outcome_busy),0) AS busy,
              coalesce(sum(outcome_no_answer),0) AS no_answer, coalesce(sum(outcome_failed),0) AS failed,
              coalesce(sum(CASE WHEN status = 'running' THEN calls_queued ELSE 0 END),0) AS runnable
       FROM campaigns`,
    )
    .get() as Record<string, number>;
  const byCampaignStatus = new Map(
    (sqlite.prepare('SELECT status, count(*) AS n FROM campaigns GROUP BY status').all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
  );

  w.gauge(
    'callpace_calls',
    'Calls by status, over all campaigns.',
    CALL_STATUSES.map((status) => ({ labels: { status }, value: sums[status] ?? 0 })),
  );
  w.gauge(
    'callpace_call_outcomes',
    'Completed calls by outcome, over all campaigns.',
    CALL_OUTCOMES.map((outcome) => ({ labels: { outcome }, value: sums[outcome.replace('-', '_')] ?? 0 })),
  );
  w.gauge(
    'callpace_campaigns',
    'Campaigns by status.',
    CAMPAIGN_STATUSES.map((status) => ({ labels: { status }, value: byCampaignStatus.get(status) ?? 0 })),
  );
  w.gauge('callpace_queue_depth', 'Queued calls of running campaigns (what the pacer may still dial).', sums.runnable);
  w.gauge('callpace_queued_calls', 'Queued calls of all campaigns, running or not.', sums.queued);
  const dialed = sums.dialing + sums.completed + sums.interrupted;
  w.counter('callpace_calls_dialed_total', 'Calls that have left the queue (dialing, completed or interrupted); drops when campaigns are deleted.', dialed);
  w.gauge('callpace_dials_per_second', 'Dials per second over the last 10 s (this process).', dialRate(now, dialed));

  const stats = runtimeStats();
  w.counter('callpace_pacer_ticks_total', 'Pacer ticks in this process.', stats.pacer.ticks);
  w.histogram('callpace_pacer_tick_duration_ms', 'Duration of pacer ticks (ms).', stats.pacer.tickDuration.snapshot());
  w.histogram('callpace_pacer_dial_error_ms', 'Dial instant minus the ideal slot instant (ms).', stats.pacer.dialError.snapshot());
  const pacer = pacerHealth(now);
  w.gauge('callpace_pacer_last_tick_age_seconds', 'Seconds since this process’s pacer last ticked (-1: disabled or not started).', pacer.last_tick_age_seconds ?? -1);

  const outbox = outboxHealth(now);
  w.gauge('callpace_outbox_pending', 'Result deliveries waiting for a (first or next) attempt.', outbox?.pending ?? 0);
  w.gauge('callpace_outbox_dead', 'Result deliveries that exhausted their attempts (replayable).', outbox?.dead ?? 0);
  w.gauge('callpace_outbox_oldest_due_age_seconds', 'How long the most overdue pending delivery has been due.', outbox?.oldest_due_age_seconds ?? 0);
  w.counter(
    'callpace_outbox_attempts_total',
    'Result delivery attempts by this process, by result.',
    (['delivered', 'failed', 'dead'] as const).map((result) => ({ labels: { result }, value: stats.deliveries[result] })),
  );

  const unavailable = lastUnavailable();
  w.gauge(
    'callpace_database_last_unavailable_timestamp_seconds',
    'When a request or probe last found the database locked or unwritable (0: never).',
    unavailable.at === null ? 0 : Math.floor(unavailable.at / 1000),
  );
  w.gauge('process_resident_memory_bytes', 'Resident memory of this process.', process.memoryUsage.rss());
  w.gauge('process_uptime_seconds', 'Seconds since this process started.', Math.round(process.uptime()));
  return w.toString();
}

/**
 * METRICS_TOKEN set: /api/metrics requires `Authorization: Bearer <METRICS_TOKEN>`. Unset: open,
 * like most exporters. The figures are aggregate counts with no ids or numbers, but set a token
 * when the server is reachable beyond the host or trusted network.
 */
export function metricsAuthorized(request: Request, env: Record<string, string | undefined> = process.env): boolean {
  const expected = env.METRICS_TOKEN;
  if (!expected) return true;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!m) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]), digest(expected));
}
