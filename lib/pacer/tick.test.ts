import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { campaigns } from '../../db/schema';
import { stopCampaign } from '../campaigns/lifecycle';
import { completeCalls } from './end-calls';
import { SlotCache } from './slot-cache';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from './testing/fixtures';
import { runPacerTick } from './tick';
import type { Db } from '../../db/client';

const SECOND = 1000;

/** Ticks once a second over (from, to], like the cron would, with one slot cache throughout. */
function tickThrough(db: Db, dialer: FakeDialer, from: Date, to: Date, extra: Parameters<typeof tickDeps>[3] = {}): void {
  const cache = new SlotCache();
  for (let t = from.getTime() + SECOND; t <= to.getTime(); t += SECOND) runPacerTick(tickDeps(db, dialer, new Date(t), { cache, ...extra }));
}

const status = (db: Db, id: number) => db.select({ s: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)).get()!.s;
const times = (d: FakeDialer, db: Db) =>
  d.dialed.map((c) => (db.$client.prepare('SELECT slot_at FROM calls WHERE id = ?').pluck().get(c.callId) as number) - edt('2026-06-10T12:00:00').getTime());

describe('runPacerTick (profile 1 min / 12 calls / 1 min idle, window 12:00–13:00 EDT)', () => {
  it('dials one call per slot, in queue order, 5 s apart, 12 per active period, none while idle', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { calls: 50 });
    start(db, ids, edt('2026-06-10T11:59:00'));
    const dialer = new FakeDialer();
    tickThrough(db, dialer, edt('2026-06-10T11:59:00'), edt('2026-06-10T12:04:00'));

    // Periods 12:00–12:01 and 12:02–12:03 hold 12 slots each; 12:04:00 opens the third.
    expect(dialer.dialed).toHaveLength(25);
    expect(dialer.dialed.map((c) => c.to)).toEqual(Array.from({ length: 25 }, (_, i) => `+1555${String(i).padStart(7, '0')}`));
    const offsets = times(dialer, db);
    expect(offsets.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, k) => k * 5 * SECOND));
    expect(offsets.slice(12, 24)).toEqual(Array.from({ length: 12 }, (_, k) => 120 * SECOND + k * 5 * SECOND));
    expect(offsets[24]).toBe(240 * SECOND);

    const row = db.$client.prepare('SELECT status, attempt, dialed_at, slot_at, claimed_by FROM calls WHERE id = ?').get(dialer.dialed[0].callId);
    expect(row).toEqual({ status: 'dialing', attempt: 1, dialed_at: edt('2026-06-10T12:00:00').getTime(), slot_at: edt('2026-06-10T12:00:00').getTime(), claimed_by: 'test-instance' });
    const counts = db.select().from(campaigns).where(eq(campaigns.id, ids.campaignId)).get()!;
    expect([counts.callsQueued, counts.callsDialing]).toEqual([25, 25]);
    expect(counts.pacedThrough?.getTime()).toBe(edt('2026-06-10T12:04:00').getTime());
  });

  it('never dials outside the window or before the campaign is started', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { calls: 50, windows: [{ start: '12:00', end: '12:03', period: 2, amount: 4, idle: 0 }] });
    const dialer = new FakeDialer();
    tickThrough(db, dialer, edt('2026-06-10T11:58:00'), edt('2026-06-10T11:59:30'));
    start(db, ids, edt('2026-06-10T11:59:30'));
    tickThrough(db, dialer, edt('2026-06-10T11:59:30'), edt('2026-06-10T12:10:00'));
    // 12:00, 12:00:30, 12:01, 12:01:30, then the second period is cut by the window's end at 12:03.
    expect(times(dialer, db)).toEqual([0, 30, 60, 90, 120, 150].map((s) => s * SECOND));
  });

  it('skips slots missed while the server was down instead of making them up', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:30'));
    const dialer = new FakeDialer();
    // No tick from 11:59:30 until 12:00:21 (server down): slots 12:00:00–12:00:15 are gone.
    tickThrough(db, dialer, edt('2026-06-10T12:00:20'), edt('2026-06-10T12:00:30'));
    expect(times(dialer, db)).toEqual([20, 25, 30].map((s) => s * SECOND));
  });

  it('a stopped campaign dials nothing; start resumes at the next slot', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:30'));
    const dialer = new FakeDialer();
    tickThrough(db, dialer, edt('2026-06-10T11:59:30'), edt('2026-06-10T12:00:12'));
    stopCampaign(db, ids.accountId, ids.campaignId, edt('2026-06-10T12:00:12'));
    tickThrough(db, dialer, edt('2026-06-10T12:00:12'), edt('2026-06-10T12:00:41'));
    expect(times(dialer, db)).toEqual([0, 5, 10].map((s) => s * SECOND));
    start(db, ids, edt('2026-06-10T12:00:41'));
    tickThrough(db, dialer, edt('2026-06-10T12:00:41'), edt('2026-06-10T12:00:50'));
    expect(times(dialer, db)).toEqual([0, 5, 10, 45, 50].map((s) => s * SECOND));
  });

  it('respects MAX_CONCURRENT_CALLS: a slot that finds the cap full is skipped', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:30'));
    const dialer = new FakeDialer();
    tickThrough(db, dialer, edt('2026-06-10T11:59:30'), edt('2026-06-10T12:00:32'), { maxConcurrentCalls: 3 });
    expect(times(dialer, db)).toEqual([0, 5, 10].map((s) => s * SECOND));
    completeCalls(db, [{ callId: dialer.dialed[0].callId, outcome: 'answered', endedAt: edt('2026-06-10T12:00:32'), durationSeconds: 32 }], edt('2026-06-10T12:00:32'));
    tickThrough(db, dialer, edt('2026-06-10T12:00:32'), edt('2026-06-10T12:00:45'), { maxConcurrentCalls: 3 });
    // 12:00:15–12:00:30 found the cap full; 12:00:35 had room for one; 12:00:40 and :45 did not.
    expect(times(dialer, db)).toEqual([0, 5, 10, 35].map((s) => s * SECOND));
  });

  it('running → completed when nothing is queued or ringing; any campaign → ended after end_date', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db, { calls: 2 });
    const idle = seedCampaign(db, { calls: 2 });
    start(db, ids, edt('2026-06-10T11:59:30'));
    const dialer = new FakeDialer();
    tickThrough(db, dialer, edt('2026-06-10T11:59:30'), edt('2026-06-10T12:00:10'));
    expect(dialer.dialed).toHaveLength(2);
    expect(status(db, ids.campaignId)).toBe('running'); // calls still ringing
    const ended = (callId: number) => ({ callId, outcome: 'busy' as const, endedAt: edt('2026-06-10T12:00:10'), durationSeconds: 3 });
    completeCalls(db, dialer.dialed.map((c) => ended(c.callId)), edt('2026-06-10T12:00:10'));
    runPacerTick(tickDeps(db, dialer, edt('2026-06-10T12:00:11')));
    expect(status(db, ids.campaignId)).toBe('completed');
    expect(status(db, idle.campaignId)).toBe('stopped');

    // The Eastern date 2026-07-01 begins at 04:00Z; one millisecond before, June 30 is still on.
    runPacerTick(tickDeps(db, dialer, new Date('2026-07-01T03:59:59.999Z')));
    expect([status(db, ids.campaignId), status(db, idle.campaignId)]).toEqual(['completed', 'stopped']);
    runPacerTick(tickDeps(db, dialer, new Date('2026-07-01T04:00:00Z')));
    expect([status(db, ids.campaignId), status(db, idle.campaignId)]).toEqual(['ended', 'ended']);
  });
});
