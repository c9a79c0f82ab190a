import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { allCalls, eastern, pacedCampaign, resultReceiver, sleep, startCampaign, stopCampaign, upcomingWindow, waitFor, type CallRecord, type ResultReceiver } from '../support/pacer';
import { startServer, type TestServer } from '../support/server';

/**
 * The pacer on the real server, in real time: profile 1 min active / 12 calls / 1 min idle.
 * Campaign A's window opens at the next whole minute M for 3 minutes; it is stopped at M+2:07.
 * Campaign C (profile 2 min / 12 calls) has a 1-minute window, so its period is cut by the
 * window's end. Results go to a local result_url. About 3 minutes.
 */

let server: TestServer;
let api: ApiClient;
let receiver: ResultReceiver;
/** Largest |dialed_at - slot_at| seen, reported for the docs. */
let worstErrorMs = 0;

beforeAll(async () => {
  receiver = await resultReceiver();
  await receiver.listen();
  server = await startServer({ env: { SIM_CALL_SECONDS: '1', SIM_SEED: '1' } });
  api = new ApiClient(server.url, server.token('pacer'));
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  console.log(`pacer.test: worst dial-time error ${worstErrorMs} ms`);
});

const dialed = (calls: CallRecord[]) => calls.filter((c) => c.dialed_at !== null).sort((a, b) => Date.parse(a.dialed_at!) - Date.parse(b.dialed_at!));

describe('pacing on the real server', () => {
  it('dials 12 calls per active period 5 s apart, in queue order, only inside the window, none while idle or after stop', async () => {
    const w = await upcomingWindow(3);
    const M = w.startsAt;
    const a = await pacedCampaign(api, { window: w, profile: { period: 1, amount_per_period: 12, time_between_periods: 1 }, calls: 30, resultUrl: receiver.url, refPrefix: 'a' });
    const c = await pacedCampaign(api, {
      window: w,
      windowEnd: eastern(M + 60_000).time,
      profile: { period: 2, amount_per_period: 12, time_between_periods: 1 },
      calls: 30,
      resultUrl: receiver.url,
      refPrefix: 'c',
    });
    await startCampaign(api, a);
    await startCampaign(api, c);

    await sleep(M + 127_000 - Date.now());
    await stopCampaign(api, a);
    const stoppedAt = Date.now();
    await sleep(M + 137_000 - Date.now());

    // Campaign A: offsets of each dial's slot from M, and its dial time.
    const aCalls = dialed(await allCalls(api, a));
    const slots = aCalls.map((x) => Date.parse(x.slot_at!) - M);
    expect(slots).toEqual([...Array.from({ length: 12 }, (_, k) => k * 5_000), 120_000, 125_000]);
    for (const x of aCalls) {
      const error = Date.parse(x.dialed_at!) - Date.parse(x.slot_at!);
      worstErrorMs = Math.max(worstErrorMs, error);
      expect(error, `call ${x.call_id} dialed ${error} ms after its slot`).toBeGreaterThanOrEqual(0);
      expect(error).toBeLessThan(1_000);
    }
    // Even spacing of the real dial times: 5 s apart within the first period.
    const gaps = aCalls.slice(1, 12).map((x, i) => Date.parse(x.dialed_at!) - Date.parse(aCalls[i].dialed_at!));
    for (const g of gaps) expect(Math.abs(g - 5_000)).toBeLessThan(1_000);
    // Counts per period: 12 in the first, none while idle, and nothing after the stop.
    const at = (x: CallRecord) => Date.parse(x.dialed_at!);
    expect(aCalls.filter((x) => at(x) >= M && at(x) < M + 60_000)).toHaveLength(12);
    expect(aCalls.filter((x) => at(x) >= M + 60_000 && at(x) < M + 120_000)).toHaveLength(0);
    expect(aCalls.filter((x) => at(x) > stoppedAt)).toHaveLength(0);
    expect(aCalls.filter((x) => at(x) < M)).toHaveLength(0);
    // Queue order.
    expect(aCalls.map((x) => x.message_reference)).toEqual(Array.from({ length: 14 }, (_, i) => `a-${i}`));

    // Campaign C: 12 slots per 2-minute period = one per 10 s; the window closes after 6.
    const cCalls = dialed(await allCalls(api, c));
    expect(cCalls.map((x) => Date.parse(x.slot_at!) - M)).toEqual(Array.from({ length: 6 }, (_, k) => k * 10_000));
    expect(cCalls.every((x) => at(x) < M + 60_000)).toBe(true);

    // Every dialed call ended (1 s simulated calls) and its result reached result_url once.
    const expected = [...aCalls, ...cCalls];
    await waitFor('every result', async () => new Set(receiver.results.map((r) => r.body.call_id)).size >= expected.length, 20_000);
    const final = new Map([...(await allCalls(api, a)), ...(await allCalls(api, c))].map((x) => [x.call_id, x]));
    for (const x of expected) {
      const got = receiver.results.filter((r) => r.body.call_id === x.call_id);
      expect(got.length).toBeGreaterThanOrEqual(1);
      const r = got[0];
      const call = final.get(x.call_id)!;
      expect(call.status).toBe('completed');
      expect(r.body).toMatchObject({
        campaign_id: x.message_reference!.startsWith('a') ? a : c,
        phone_number: x.phone_number,
        message_reference: x.message_reference,
        status: call.outcome,
        attempt: 1,
        dialed_at: call.dialed_at,
        ended_at: call.ended_at,
        duration_seconds: 1,
      });
      expect(['answered', 'busy', 'no-answer', 'failed']).toContain(r.body.status);
      expect(r.deliveryId).toBe(String(r.body.delivery_id));
    }
    const campaign = (await api.get(`/api/campaigns/${a}`)).body;
    expect(campaign.status).toBe('stopped');
    expect(campaign.calls).toMatchObject({ total: 30, queued: 16, dialing: 0, completed: 14 });
  }, 300_000);
});
