import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, type Body } from '../support/api';
import { allCalls, openWindow, pacedCampaign, resultReceiver, sleep, startCampaign, waitFor, type ResultReceiver } from '../support/pacer';
import { startServer, type TestServer } from '../support/server';

/** Results go through the durable outbox: an outage of the result_url loses nothing. */

const servers: TestServer[] = [];
const receivers: ResultReceiver[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const r of receivers) await r.close();
});

async function deliveries(api: ApiClient, campaignId: number, query = ''): Promise<Body[]> {
  const r = await api.get(`/api/campaigns/${campaignId}/deliveries?limit=1000${query}`);
  expect(r.status, r.text).toBe(200);
  return r.body.deliveries;
}

describe('result_url outage', () => {
  it('retries with backoff while the receiver is down, and every result arrives once it is back', async () => {
    const receiver = await resultReceiver(); // not listening yet: connection refused
    receivers.push(receiver);
    const server = await startServer({ env: { SIM_CALL_SECONDS: '1', RESULT_RETRY_BASE_MS: '200', RESULT_RETRY_MAX_MS: '1000', RESULT_TIMEOUT_MS: '2000' } });
    servers.push(server);
    const api = new ApiClient(server.url, server.token('outage'));
    const TOTAL = 20;
    const id = await pacedCampaign(api, { window: await openWindow(2), profile: { period: 1, amount_per_period: 600, time_between_periods: 0 }, calls: TOTAL, resultUrl: receiver.url });
    await startCampaign(api, id);
    await waitFor('all calls to end', async () => (await api.get(`/api/campaigns/${id}`)).body.status === 'completed', 30_000);

    // Down for a while: the deliveries are pending, retried, and say why.
    await sleep(3_000);
    const during = await deliveries(api, id);
    expect(during).toHaveLength(TOTAL);
    for (const d of during) {
      expect(d).toMatchObject({ status: 'pending', last_error: 'ECONNREFUSED', last_status_code: null, delivered_at: null });
      expect(d.attempts).toBeGreaterThanOrEqual(2);
      expect(Date.parse(d.next_attempt_at)).toBeGreaterThan(0);
    }
    expect(await deliveries(api, id, '&status=delivered')).toHaveLength(0);

    await receiver.listen();
    await waitFor('every result', async () => new Set(receiver.results.map((r) => r.body.call_id)).size === TOTAL, 15_000);
    const calls = await allCalls(api, id);
    expect(new Set(receiver.results.map((r) => r.body.call_id))).toEqual(new Set(calls.map((c) => c.call_id)));
    await waitFor('all recorded as delivered', async () => (await deliveries(api, id, '&status=delivered')).length === TOTAL, 5_000);
    const after = await deliveries(api, id);
    for (const d of after) {
      expect(d).toMatchObject({ status: 'delivered', last_status_code: 200, last_error: null, next_attempt_at: null });
      expect(d.attempts).toBeGreaterThanOrEqual(3);
    }
  }, 120_000);

  it('marks a delivery dead after RESULT_MAX_ATTEMPTS, and a replay delivers it', async () => {
    const receiver = await resultReceiver();
    receivers.push(receiver);
    receiver.failWith = 503;
    await receiver.listen();
    const server = await startServer({ env: { SIM_CALL_SECONDS: '1', RESULT_RETRY_BASE_MS: '100', RESULT_MAX_ATTEMPTS: '2' } });
    servers.push(server);
    const api = new ApiClient(server.url, server.token('dead'));
    const id = await pacedCampaign(api, { window: await openWindow(2), profile: { period: 1, amount_per_period: 600, time_between_periods: 0 }, calls: 2, resultUrl: receiver.url });
    await startCampaign(api, id);
    const dead = await waitFor('dead deliveries', async () => {
      const d = await deliveries(api, id, '&status=dead');
      return d.length === 2 ? d : undefined;
    }, 30_000);
    expect(dead[0]).toMatchObject({ attempts: 2, last_status_code: 503, last_error: 'HTTP 503', next_attempt_at: null });

    const other = new ApiClient(server.url, server.token('someone-else'));
    expect((await other.post(`/api/deliveries/${dead[0].delivery_id}/replay`)).status).toBe(404);
    expect((await api.post('/api/deliveries/999999/replay')).status).toBe(404);

    receiver.failWith = null;
    const r = await api.post(`/api/deliveries/${dead[0].delivery_id}/replay`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ status: 'success', response: { delivery_id: dead[0].delivery_id, status: 'pending' } });
    await waitFor('the replayed delivery', async () => receiver.results.some((x) => x.body.delivery_id === dead[0].delivery_id), 10_000);
    const [replayed] = (await deliveries(api, id)).filter((d) => d.delivery_id === dead[0].delivery_id);
    expect(replayed).toMatchObject({ status: 'delivered', attempts: 1 });
    // Replaying what is not dead is a conflict.
    expect((await api.post(`/api/deliveries/${dead[0].delivery_id}/replay`)).status).toBe(409);
  }, 120_000);
});
