import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeCalls } from '../pacer/end-calls';
import { registerInstance } from '../pacer/instances';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from '../pacer/testing/fixtures';
import { runPacerTick } from '../pacer/tick';
import { drain } from './shutdown';
import { isShuttingDown, markShuttingDown } from './shutdown-state';

async function receiver(): Promise<{ url: string; bodies: unknown[]; close: () => Promise<void> }> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      bodies.push(JSON.parse(b));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/results`,
    bodies,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

afterEach(() => markShuttingDown(false));

describe('graceful shutdown drain', () => {
  it('stops the pacer, lets calls end within the grace, interrupts the rest, flushes their results', async () => {
    const rx = await receiver();
    try {
      const db = openDb(':memory:');
      registerInstance(db, 'me', edt('2026-06-10T12:00:00'));
      const ids = seedCampaign(db, { resultUrl: rx.url });
      start(db, ids, edt('2026-06-10T11:59:00'));
      const dialer = new FakeDialer();
      runPacerTick(tickDeps(db, dialer, edt('2026-06-10T12:00:10'), { instanceId: 'me', graceMs: 60_000 }));
      const claimed = dialer.dialed.map((c) => c.callId);
      expect(claimed).toHaveLength(3);

      const pacer = { instanceId: 'me', stop: vi.fn(), pause: vi.fn() };
      // One call ends while shutdown waits.
      setTimeout(() => completeCalls(db, [{ callId: claimed[0], outcome: 'answered', endedAt: new Date(), durationSeconds: 3 }], new Date()), 150);
      const report = await drain('SIGTERM', { pacer, db: () => db, callsMs: 600, timeoutMs: 5_000 });

      expect(isShuttingDown()).toBe(true);
      expect(pacer.pause).toHaveBeenCalled();
      expect(pacer.stop).toHaveBeenCalled();
      expect(report).toMatchObject({ callsEndedDuringGrace: 1, callsInterrupted: 2, deliveriesFlushed: 3, deliveriesLeftPending: 0, timedOut: false });
      expect(report.waitedForCallsMs).toBeGreaterThanOrEqual(550);
      const statuses = db.$client.prepare('SELECT status FROM calls WHERE attempt > 0 ORDER BY id').pluck().all();
      expect(statuses).toEqual(['completed', 'interrupted', 'interrupted']);
      expect(db.$client.prepare("SELECT count(*) FROM result_deliveries WHERE status = 'delivered'").pluck().get()).toBe(3);
      expect(rx.bodies.map((b) => (b as { call_id: number }).call_id).sort()).toEqual([...claimed].sort());
      expect(db.$client.prepare('SELECT count(*) FROM pacer_instances').pluck().get()).toBe(0);
    } finally {
      await rx.close();
    }
  });

  it('leaves in-flight calls dialing for start-up recovery when the dialer can report outcomes later', async () => {
    const db = openDb(':memory:');
    registerInstance(db, 'me', edt('2026-06-10T12:00:00'));
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:00'));
    runPacerTick(tickDeps(db, new FakeDialer(), edt('2026-06-10T12:00:10'), { instanceId: 'me', graceMs: 60_000 }));
    const report = await drain('SIGTERM', { pacer: { instanceId: 'me', pause: () => {}, stop: () => {} }, db: () => db, callsMs: 100, leaveInFlightForRecovery: true });
    expect(report).toMatchObject({ callsInterrupted: 0, callsLeftForRecovery: 3 });
    expect(db.$client.prepare("SELECT count(*) FROM calls WHERE status = 'dialing'").pluck().get()).toBe(3);
  });

  it('is bounded: an unreachable receiver does not hold shutdown past its deadline', async () => {
    const db = openDb(':memory:');
    registerInstance(db, 'me', edt('2026-06-10T12:00:00'));
    // A port nothing listens on is refused at once; a black-hole address would time out. Use a
    // server that accepts and never answers.
    const server = http.createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const ids = seedCampaign(db, { resultUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow` });
      start(db, ids, edt('2026-06-10T11:59:00'));
      runPacerTick(tickDeps(db, new FakeDialer(), edt('2026-06-10T12:00:10'), { instanceId: 'me', graceMs: 60_000 }));
      const t0 = Date.now();
      const report = await drain('SIGTERM', { pacer: { instanceId: 'me', pause: () => {}, stop: () => {} }, db: () => db, callsMs: 100, timeoutMs: 1_500 });
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(report.callsInterrupted).toBe(3);
      // Never lost: still pending (leased), retried after restart.
      expect(db.$client.prepare("SELECT count(*) FROM result_deliveries WHERE status = 'pending'").pluck().get()).toBe(3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
