import os from 'node:os';
import { getDb } from '../../db/client';
import { probeDatabase, type DatabaseProbe } from './db-guard';
import { runtimeStats } from './runtime-stats';
import { isShuttingDown } from './shutdown-state';

/** A pacer whose last tick is older than this is stuck (it ticks every second). */
export const PACER_STALE_MS = Number(process.env.PACER_STALE_SECONDS ?? 15) * 1000;
/** A process without a registered pacer this long after start has a pacer that failed to start. */
const PACER_START_GRACE_MS = 30_000;

export interface PacerHealth {
  status: 'ok' | 'disabled' | 'starting' | 'stale' | 'not running' | 'unknown';
  last_tick_age_seconds: number | null;
  instance_id: string | null;
}

export interface OutboxHealth {
  pending: number;
  dead: number;
  /** How long the most overdue pending delivery has been due (0 when none is overdue). */
  oldest_due_age_seconds: number;
}

export interface Health {
  status: 'ok' | 'unhealthy';
  /** Kept as a plain string for simple checks: "ok" or "unavailable". */
  database: 'ok' | 'unavailable';
  checks: {
    database: DatabaseProbe;
    pacer: PacerHealth;
    outbox: OutboxHealth | null;
    shutting_down: boolean;
  };
  uptime_seconds: number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The pacer's liveness: its last tick as reported to lib/ops/runtime-stats (forwarded from the
 * pacer thread). Its pacer_instances row stands in only until a first tick: a row is written at
 * every (re)start, so preferring it would call a pacer thread that keeps dying healthy.
 */
export function pacerHealth(now: number, env: Record<string, string | undefined> = process.env): PacerHealth {
  if ((env.PACER ?? 'on').trim() === 'off') return { status: 'disabled', last_tick_age_seconds: null, instance_id: null };
  const stats = runtimeStats().pacer;
  let lastTick = stats.lastTickAt;
  let instanceId = stats.instanceId;
  try {
    const row = getDb()
      .$client.prepare('SELECT id, heartbeat_at FROM pacer_instances WHERE host = ? AND pid = ? ORDER BY started_at DESC LIMIT 1')
      .get(os.hostname(), process.pid) as { id: string; heartbeat_at: number } | undefined;
    if (row) {
      instanceId ??= row.id;
      lastTick ??= row.heartbeat_at;
    }
  } catch {
    if (lastTick === null) return { status: 'unknown', last_tick_age_seconds: null, instance_id: instanceId };
  }
  if (lastTick === null) {
    const up = process.uptime() * 1000;
    return { status: up < PACER_START_GRACE_MS ? 'starting' : 'not running', last_tick_age_seconds: null, instance_id: null };
  }
  const age = Math.max(0, now - lastTick);
  return { status: age > PACER_STALE_MS ? 'stale' : 'ok', last_tick_age_seconds: seconds(age), instance_id: instanceId };
}

export function outboxHealth(now: number): OutboxHealth | null {
  try {
    const sqlite = getDb().$client;
    // Both counts walk result_deliveries_due_idx (status, next_attempt_at): their cost is the
    // backlog, never the delivered history.
    const pending = sqlite.prepare("SELECT count(*) FROM result_deliveries WHERE status = 'pending'").pluck().get() as number;
    const dead = sqlite.prepare("SELECT count(*) FROM result_deliveries WHERE status = 'dead'").pluck().get() as number;
    const oldest = sqlite.prepare("SELECT min(next_attempt_at) FROM result_deliveries WHERE status = 'pending'").pluck().get() as number | null;
    return { pending, dead, oldest_due_age_seconds: oldest === null ? 0 : seconds(Math.max(0, now - oldest)) };
  } catch {
    return null;
  }
}

/**
 * Healthy means: the database answers reads and a no-op write, the pacer (unless PACER=off) has
 * ticked within PACER_STALE_SECONDS, and the process is not shutting down. The outbox backlog is
 * reported but never makes the server unhealthy: a receiver being down is not our outage.
 */
export function checkHealth(now = Date.now()): Health {
  const database = probeDatabase(now);
  const pacer = pacerHealth(now);
  const shuttingDown = isShuttingDown();
  const healthy = database.ok && !['stale', 'not running'].includes(pacer.status) && !shuttingDown;
  return {
    status: healthy ? 'ok' : 'unhealthy',
    database: database.ok ? 'ok' : 'unavailable',
    checks: { database, pacer, outbox: database.ok ? outboxHealth(now) : null, shutting_down: shuttingDown },
    uptime_seconds: Math.round(process.uptime()),
  };
}
