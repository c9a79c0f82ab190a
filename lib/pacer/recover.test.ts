import { describe, expect, it } from 'vitest';
import { completeCalls } from './end-calls';
import { registerInstance, STALE_AFTER_MS } from './instances';
import { recoverOrphanedCalls } from './recover';
import { edt, FakeDialer, openDb, seedCampaign, start, tickDeps } from './testing/fixtures';
import { runPacerTick } from './tick';
import type { Db } from '../../db/client';

const statuses = (db: Db) => db.$client.prepare('SELECT id, status, outcome, claimed_by FROM calls WHERE attempt > 0 ORDER BY id').all();

/** A "crashed" process: registered, claimed three calls, never heard from again. */
function crashedProcess(db: Db, instanceId: string, pid: number) {
  const t0 = edt('2026-06-10T12:00:00');
  registerInstance(db, instanceId, t0);
  db.$client.prepare('UPDATE pacer_instances SET pid = ? WHERE id = ?').run(pid, instanceId);
  const ids = seedCampaign(db, { resultUrl: 'http://results.example/in' });
  start(db, ids, edt('2026-06-10T11:59:00'));
  const dialer = new FakeDialer();
  runPacerTick(tickDeps(db, dialer, edt('2026-06-10T12:00:10'), { instanceId, graceMs: 60_000 }));
  return dialer.dialed.map((c) => c.callId);
}

describe('recoverOrphanedCalls', () => {
  it('at start-up, resolves a dead process’s dialing calls as interrupted (never redialed) and queues their results', async () => {
    const db = openDb(':memory:');
    const claimed = crashedProcess(db, 'dead', 999_999);
    expect(claimed).toHaveLength(3);
    registerInstance(db, 'new', edt('2026-06-10T12:00:11'));
    const dialer = new FakeDialer();
    const result = await recoverOrphanedCalls({ db, dialer, instanceId: 'new', clock: () => edt('2026-06-10T12:00:11'), isAlive: () => false });
    expect(result).toEqual({ completed: 0, interrupted: 3 });
    expect(statuses(db)).toEqual(claimed.map((id) => ({ id, status: 'interrupted', outcome: null, claimed_by: 'dead' })));
    expect(dialer.dialed).toEqual([]);
    const payload = JSON.parse(db.$client.prepare('SELECT payload FROM result_deliveries ORDER BY id').pluck().get() as string);
    expect(payload).toMatchObject({ call_id: claimed[0], status: 'interrupted', attempt: 1, ended_at: '2026-06-10T16:00:11.000Z' });
    expect(db.$client.prepare('SELECT calls_dialing, calls_interrupted FROM campaigns').get()).toEqual({ calls_dialing: 0, calls_interrupted: 3 });
    expect(db.$client.prepare('SELECT id FROM pacer_instances').pluck().all()).toEqual(['new']);
  });

  it('records the outcome when the dialer can still report it', async () => {
    const db = openDb(':memory:');
    const claimed = crashedProcess(db, 'dead', 999_999);
    const dialer = new FakeDialer();
    dialer.reports = [{ callId: claimed[1], outcome: 'answered', endedAt: edt('2026-06-10T12:00:30'), durationSeconds: 20 }];
    registerInstance(db, 'new', edt('2026-06-10T12:01:00'));
    await recoverOrphanedCalls({ db, dialer, instanceId: 'new', clock: () => edt('2026-06-10T12:01:00'), isAlive: () => false });
    expect(statuses(db).map((r) => (r as { status: string }).status)).toEqual(['interrupted', 'completed', 'interrupted']);
  });

  it('leaves the calls of a live peer process alone until its heartbeat goes stale', async () => {
    const db = openDb(':memory:');
    crashedProcess(db, 'peer', process.pid); // same host, process alive
    registerInstance(db, 'new', edt('2026-06-10T12:00:11'));
    const recover = (at: Date) => recoverOrphanedCalls({ db, dialer: new FakeDialer(), instanceId: 'new', clock: () => at, isAlive: () => true });
    expect(await recover(edt('2026-06-10T12:00:11'))).toEqual({ completed: 0, interrupted: 0 });
    expect(await recover(new Date(edt('2026-06-10T12:00:00').getTime() + STALE_AFTER_MS + 1))).toEqual({ completed: 0, interrupted: 3 });
  });

  it('ignores a late outcome for a call already resolved as interrupted', async () => {
    const db = openDb(':memory:');
    const [first] = crashedProcess(db, 'dead', 999_999);
    registerInstance(db, 'new', edt('2026-06-10T12:00:11'));
    await recoverOrphanedCalls({ db, dialer: new FakeDialer(), instanceId: 'new', clock: () => edt('2026-06-10T12:00:11'), isAlive: () => false });
    expect(completeCalls(db, [{ callId: first, outcome: 'answered', endedAt: edt('2026-06-10T12:00:20'), durationSeconds: 9 }], edt('2026-06-10T12:00:20'))).toBe(0);
    expect(db.$client.prepare('SELECT count(*) FROM result_deliveries WHERE call_id = ?').pluck().get(first)).toBe(1);
  });
});
