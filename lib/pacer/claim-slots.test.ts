import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSlots } from '../pacing';
import { claimSlots } from './claim-slots';
import { SlotCache } from './slot-cache';
import { edt, FakeDialer, openDb, seedCampaign, start, tempDbFile, tickDeps, removeTempDbs } from './testing/fixtures';
import { runPacerTick } from './tick';

afterAll(removeTempDbs);

const options = (now: Date, instanceId = 'a') => ({ now, instanceId, maxConcurrentCalls: null, graceMs: 2_000 });

describe('claimSlots', () => {
  it('gives each slot to one caller only, even when two connections are offered the same slots', () => {
    const file = tempDbFile();
    const a = openDb(file);
    const b = openDb(file);
    const ids = seedCampaign(a);
    start(a, ids, edt('2026-06-10T11:59:00'));
    const slots = [edt('2026-06-10T12:00:04').getTime(), edt('2026-06-10T12:00:05').getTime()];
    const due = [{ campaignId: ids.campaignId, startUrl: 'http://voice.example/start', slots }];
    const now = edt('2026-06-10T12:00:05');
    expect(claimSlots(a, due, options(now, 'a')).map((c) => c.slotAt)).toEqual(slots);
    expect(claimSlots(b, due, options(now, 'b'))).toEqual([]);
    // A later slot is still open to either.
    const next = [{ ...due[0], slots: [...slots, edt('2026-06-10T12:00:10').getTime()] }];
    expect(claimSlots(b, next, options(edt('2026-06-10T12:00:10'), 'b')).map((c) => c.to)).toEqual(['+15550000002']);
    expect(a.$client.prepare("SELECT count(*) AS n, max(attempt) AS a FROM calls WHERE status = 'dialing'").get()).toEqual({ n: 3, a: 1 });
  });

  it('never claims a slot later than now, and consumes unused slots older than the grace period', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:00'));
    const t = (s: string) => edt(`2026-06-10T${s}`).getTime();
    const due = [{ campaignId: ids.campaignId, startUrl: 'u', slots: [t('12:00:00'), t('12:00:05'), t('12:00:10')] }];
    const claimed = claimSlots(db, due, options(edt('2026-06-10T12:00:06')));
    // 12:00:00 is 6 s late: skipped (not made up); 12:00:10 is still ahead.
    expect(claimed.map((c) => c.slotAt)).toEqual([t('12:00:05')]);
    expect(claimed[0].to).toBe('+15550000000');
    expect(db.$client.prepare('SELECT paced_through FROM campaigns').pluck().get()).toBe(t('12:00:05'));
  });

  it('assigns the k-th slot to the k-th call in queue order when one claim covers several slots', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:00'));
    const t = (s: string) => edt(`2026-06-10T${s}`).getTime();
    claimSlots(db, [{ campaignId: ids.campaignId, startUrl: 'u', slots: [t('12:00:00'), t('12:00:01'), t('12:00:02')] }], options(edt('2026-06-10T12:00:02')));
    expect(db.$client.prepare("SELECT phone_number, slot_at FROM calls WHERE status = 'dialing' ORDER BY id").all()).toEqual([
      { phone_number: '+15550000000', slot_at: t('12:00:00') },
      { phone_number: '+15550000001', slot_at: t('12:00:01') },
      { phone_number: '+15550000002', slot_at: t('12:00:02') },
    ]);
  });

  it('costs the same per due call at any queue length (the claim reads the queue head by index)', () => {
    const db = openDb(':memory:');
    const plan = db.$client.prepare("EXPLAIN QUERY PLAN SELECT id FROM calls WHERE campaign_id = 1 AND status = 'queued' ORDER BY id LIMIT 1").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX calls_campaign_status_id_idx \(campaign_id=\? AND status=\?\)/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE|SCAN calls/);
  });
});

describe('two server processes on one database file', () => {
  it('dial every slot exactly once between them', async () => {
    const file = tempDbFile();
    const db = openDb(file);
    const ids = [0, 1, 2].map(() => seedCampaign(db, { calls: 200, windows: [{ start: '12:00', end: '13:00', period: 1, amount: 600, idle: 0 }] }));
    const base = edt('2026-06-10T12:00:00').getTime();
    for (const id of ids) start(db, id, new Date(base));
    const duration = 3_000;
    const script = path.join(__dirname, 'testing', 'tick-loop.ts');
    const children = ['proc-a', 'proc-b'].map((instanceId) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, file, instanceId, String(base), String(duration)], {
        cwd: path.resolve(__dirname, '..', '..'),
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.startsWith('ready') && resolve()));
      const claimed = new Promise<number>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(Number(out.split('\n')[1])) : reject(new Error(err)))),
      );
      return { child, ready, claimed };
    });
    await Promise.all(children.map((c) => c.ready));
    const startAt = Date.now() + 200;
    for (const c of children) c.child.stdin.end(`${startAt}\n`);
    const [a, b] = await Promise.all(children.map((c) => c.claimed));
    // Both took part: the slots were contended, not served by one process alone.
    expect(Math.min(a, b)).toBeGreaterThan(0);

    const rows = db.$client.prepare("SELECT campaign_id, slot_at, attempt, claimed_by FROM calls WHERE status = 'dialing'").all() as Array<{
      campaign_id: number;
      slot_at: number;
      attempt: number;
      claimed_by: string;
    }>;
    expect(rows.length).toBe(a + b);
    expect(rows.every((r) => r.attempt === 1)).toBe(true);
    for (const { campaignId } of ids) {
      const mine = rows.filter((r) => r.campaign_id === campaignId).map((r) => r.slot_at).sort((x, y) => x - y);
      // Each slot once; every slot between the first and last claimed one was used (10 a second).
      expect(mine.length).toBeGreaterThan(20);
      expect(new Set(mine).size).toBe(mine.length);
      const plan = { startDate: '2026-06-01', endDate: '2026-06-30', days: ['wed' as const], windows: [{ startTime: '12:00', endTime: '13:00', profile: { period: 1, amountPerPeriod: 600, timeBetweenPeriods: 0 } }] };
      expect(mine).toEqual(planSlots(plan, new Date(mine[0] - 1), new Date(mine[mine.length - 1])).map((d) => d.getTime()));
    }
  }, 30_000);
});

describe('runPacerTick on a shared cache', () => {
  it('plans each campaign once per horizon, not every tick', () => {
    const db = openDb(':memory:');
    const ids = seedCampaign(db);
    start(db, ids, edt('2026-06-10T11:59:59'));
    const cache = new SlotCache(() => 60_000);
    let plans = 0;
    const original = cache.slotsBetween.bind(cache);
    const entries = (cache as unknown as { entries: Map<number, unknown> }).entries;
    cache.slotsBetween = (...args) => {
      const before = entries.get(ids.campaignId);
      const result = original(...args);
      if (entries.get(ids.campaignId) !== before) plans++;
      return result;
    };
    const dialer = new FakeDialer();
    for (let s = 1; s <= 30; s++) runPacerTick(tickDeps(db, dialer, edt(`2026-06-10T12:00:${String(s).padStart(2, '0')}`), { cache }));
    expect(plans).toBe(1);
    // 12:00:00 (within the grace of the first tick) through 12:00:30.
    expect(dialer.dialed).toHaveLength(7);
  });
});
