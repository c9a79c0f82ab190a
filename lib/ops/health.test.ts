import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-health-'));
process.env.DATABASE_URL = `file:${path.join(dir, 'health.db')}`;
const { getDb } = await import('../../db/client');
const { checkHealth, pacerHealth, PACER_STALE_MS } = await import('./health');
const { collectMetrics } = await import('./metrics');
const { pacerTicked, resetRuntimeStats } = await import('./runtime-stats');
const { markShuttingDown } = await import('./shutdown-state');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  resetRuntimeStats();
  markShuttingDown(false);
  getDb().$client.exec('DELETE FROM pacer_instances');
});

function registerSelf(heartbeatAt: number): void {
  getDb()
    .$client.prepare('INSERT INTO pacer_instances (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)')
    .run('self', os.hostname(), process.pid, heartbeatAt, heartbeatAt);
}

describe('health', () => {
  it('PACER=off: healthy with the pacer reported as disabled', () => {
    expect(pacerHealth(Date.now(), { PACER: 'off' })).toMatchObject({ status: 'disabled' });
  });

  it('the pacer’s heartbeat row gives its last tick; stale past PACER_STALE_SECONDS makes the server unhealthy', () => {
    const now = Date.now();
    registerSelf(now - 1_000);
    expect(pacerHealth(now, {})).toMatchObject({ status: 'ok', last_tick_age_seconds: 1, instance_id: 'self' });
    getDb().$client.exec('DELETE FROM pacer_instances');
    registerSelf(now - PACER_STALE_MS - 1);
    expect(pacerHealth(now, {}).status).toBe('stale');
    // An in-process tick report is newer than the row: it counts.
    pacerTicked({ durationMs: 3, dialed: 0 }, now);
    expect(pacerHealth(now, {}).status).toBe('ok');
  });

  it('reports database, outbox and shutdown; 503-worthy while shutting down', () => {
    registerSelf(Date.now());
    const h = checkHealth();
    expect(h).toMatchObject({ status: 'ok', database: 'ok', checks: { database: { ok: true, writable: true }, outbox: { pending: 0, dead: 0 }, shutting_down: false } });
    markShuttingDown();
    expect(checkHealth().status).toBe('unhealthy');
  });
});

describe('metrics', () => {
  it('answers Prometheus text with calls by status, queue depth, dial rate, tick duration and outbox figures', () => {
    registerSelf(Date.now());
    const sqlite = getDb().$client;
    sqlite.exec(`
      INSERT INTO accounts (name) VALUES ('m');
      INSERT INTO schedules (account_id, days) VALUES (1, 'mon');
      INSERT INTO campaigns (account_id, schedule_id, start_date, end_date, start_url, status, calls_total, calls_queued, calls_completed, outcome_answered)
        VALUES (1, 1, '2030-01-01', '2030-01-02', 'http://x', 'running', 10, 7, 3, 2);
      INSERT INTO campaigns (account_id, schedule_id, start_date, end_date, start_url, status, calls_total, calls_queued)
        VALUES (1, 1, '2030-01-01', '2030-01-02', 'http://x', 'stopped', 5, 5);`);
    const now = Date.now();
    for (let i = 1; i <= 10; i++) pacerTicked({ durationMs: i, dialed: 5, errorsMs: [3, 40] }, now - i * 1000);
    const text = collectMetrics(now);
    expect(text).toContain('callpace_calls{status="queued"} 12');
    expect(text).toContain('callpace_calls{status="completed"} 3');
    expect(text).toContain('callpace_call_outcomes{outcome="answered"} 2');
    expect(text).toContain('callpace_campaigns{status="running"} 1');
    expect(text).toMatch(/^callpace_queue_depth 7$/m);
    expect(text).toMatch(/^callpace_queued_calls 12$/m);
    expect(text).toMatch(/^callpace_dials_per_second 5$/m);
    expect(text).toMatch(/^callpace_pacer_tick_duration_ms_count 10$/m);
    expect(text).toMatch(/^callpace_pacer_dial_error_ms_bucket\{le="5"\} 10$/m);
    expect(text).toMatch(/^callpace_outbox_pending 0$/m);
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+]+|\w+(\{[^}]*\})? [+-]Inf)$/);
  });
});

describe('metrics access', () => {
  it('is open without METRICS_TOKEN and needs the exact bearer token with it', async () => {
    const { metricsAuthorized } = await import('./metrics');
    const req = (auth?: string) => new Request('http://x/api/metrics', { headers: auth ? { authorization: auth } : {} });
    expect(metricsAuthorized(req(), {})).toBe(true);
    expect(metricsAuthorized(req(), { METRICS_TOKEN: 's3cret' })).toBe(false);
    expect(metricsAuthorized(req('Bearer wrong'), { METRICS_TOKEN: 's3cret' })).toBe(false);
    expect(metricsAuthorized(req('Bearer s3cret'), { METRICS_TOKEN: 's3cret' })).toBe(true);
    expect(metricsAuthorized(req('bearer   s3cret '), { METRICS_TOKEN: 's3cret' })).toBe(true);
  });
});
