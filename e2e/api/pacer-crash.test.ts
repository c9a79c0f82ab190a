import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { allCalls, openWindow, pacedCampaign, resultReceiver, startCampaign, waitFor, type ResultReceiver } from '../support/pacer';
import { startServer, type TestServer } from '../support/server';

/**
 * kill -9 of the whole server (process group) while a campaign dials 10 calls a second, then a
 * restart on the same database: nothing is dialed twice, calls caught mid-dial are resolved as
 * interrupted, and every call ends up completed, interrupted or still queued — with one result each.
 */

const servers: TestServer[] = [];
let receiver: ResultReceiver;
const env = { SIM_CALL_SECONDS: '1', SIM_SEED: '3', RESULT_TIMEOUT_MS: '2000', RESULT_RETRY_BASE_MS: '200', RESULT_RETRY_MAX_MS: '1000' };

afterAll(async () => {
  for (const s of servers) await s.stop();
  await receiver?.close();
});

describe('crash recovery', () => {
  it('never dials a message_reference twice and accounts for every call after kill -9 and restart', async () => {
    receiver = await resultReceiver();
    await receiver.listen();
    const first = await startServer({ env });
    servers.push(first);
    const api = new ApiClient(first.url, first.token('crash'));
    const TOTAL = 120;
    const id = await pacedCampaign(api, {
      window: await openWindow(3),
      profile: { period: 1, amount_per_period: 600, time_between_periods: 0 },
      calls: TOTAL,
      resultUrl: receiver.url,
    });
    await startCampaign(api, id);
    await waitFor('40 calls dialed', async () => ((await api.get(`/api/campaigns/${id}`)).body.calls.queued <= TOTAL - 40 ? true : undefined), 30_000, 100);
    await first.stop('SIGKILL');

    const second = await startServer({ env, dbFile: first.dbFile });
    servers.push(second);
    const api2 = new ApiClient(second.url, api.token);
    const done = await waitFor(
      'the campaign to complete',
      async () => {
        const c = (await api2.get(`/api/campaigns/${id}`)).body;
        return c.status === 'completed' ? c : undefined;
      },
      60_000,
      250,
    );
    const calls = await allCalls(api2, id);
    const byStatus = (s: string) => calls.filter((c) => c.status === s).length;
    expect(calls).toHaveLength(TOTAL);
    expect(byStatus('completed') + byStatus('interrupted') + byStatus('queued')).toBe(TOTAL);
    expect(byStatus('dialing')).toBe(0);
    // The kill caught calls mid-dial (1 s calls at 10 a second): they are interrupted, not redialed.
    expect(byStatus('interrupted')).toBeGreaterThan(0);
    expect(calls.every((c) => c.attempt <= 1)).toBe(true);
    expect(done.calls).toMatchObject({ total: TOTAL, queued: 0, dialing: 0, completed: byStatus('completed'), interrupted: byStatus('interrupted') });

    // The receiver's view: one call (and one attempt) per message_reference, and a result for each ended call.
    const ended = calls.filter((c) => c.status !== 'queued');
    await waitFor('a result for every ended call', async () => new Set(receiver.results.map((r) => r.body.call_id)).size >= ended.length, 30_000);
    const callsByRef = new Map<string, Set<string>>();
    for (const r of receiver.results) {
      const seen = callsByRef.get(r.body.message_reference) ?? new Set();
      seen.add(`${r.body.call_id}/${r.body.attempt}`);
      callsByRef.set(r.body.message_reference, seen);
    }
    for (const [ref, seen] of callsByRef) expect(seen.size, `${ref} dialed more than once`).toBe(1);
    const statusOf = new Map(calls.map((c) => [c.call_id, c.status === 'interrupted' ? 'interrupted' : c.outcome]));
    for (const r of receiver.results) expect(r.body.status).toBe(statusOf.get(r.body.call_id));
  }, 180_000);
});
