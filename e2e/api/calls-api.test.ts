import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api';
import { pacedCampaign, phoneEntries, type PlannedWindow } from '../support/pacer';
import { startServer, type TestServer } from '../support/server';

/** GET /api/campaigns/{id}/calls and /deliveries: paging, filters, CSV, validation, scoping. */

let server: TestServer;
let api: ApiClient;
let other: ApiClient;
let id: number;

// Far in the future: with the pacer off nothing dials anyway, and the window never matters.
const window: PlannedWindow = { startsAt: 0, date: '2030-01-07', day: 'mon', startTime: '08:00', endTime: '11:00' };

beforeAll(async () => {
  server = await startServer({ env: { PACER: 'off' } });
  api = new ApiClient(server.url, server.token('calls-owner'));
  other = new ApiClient(server.url, server.token('calls-other'));
  id = await pacedCampaign(api, { window, profile: { period: 30, amount_per_period: 100, time_between_periods: 10 }, calls: 250 });
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/campaigns/{id}/calls', () => {
  it('pages through every call in queue order with an opaque cursor', async () => {
    const first = await api.get(`/api/campaigns/${id}/calls`);
    expect(first.status).toBe(200);
    expect(first.body.calls).toHaveLength(100);
    expect(first.body.calls[0]).toEqual({
      call_id: expect.any(Number),
      phone_number: '+12025551000',
      ani: '+12025550100',
      message_reference: 'ref-0',
      status: 'queued',
      outcome: null,
      attempt: 0,
      slot_at: null,
      dialed_at: null,
      ended_at: null,
      duration_seconds: null,
    });
    const refs: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await api.get(`/api/campaigns/${id}/calls?limit=120${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      refs.push(...r.body.calls.map((c: { message_reference: string }) => c.message_reference));
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(refs).toEqual(phoneEntries(250).map((_, i) => `ref-${i}`));
  });

  it('filters by status', async () => {
    expect((await api.get(`/api/campaigns/${id}/calls?status=queued&limit=1000`)).body.calls).toHaveLength(250);
    expect((await api.get(`/api/campaigns/${id}/calls?status=completed`)).body).toEqual({ calls: [], next_cursor: null });
  });

  it('exports every matching call as CSV', async () => {
    const r = await fetch(`${server.url}/api/campaigns/${id}/calls?format=csv`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="campaign-${id}-calls.csv"`);
    const lines = (await r.text()).trim().split('\r\n');
    expect(lines[0]).toBe('call_id,phone_number,ani,message_reference,status,outcome,attempt,slot_at,dialed_at,ended_at,duration_seconds');
    expect(lines).toHaveLength(251);
    expect(lines[1]).toMatch(/^\d+,\+12025551000,\+12025550100,ref-0,queued,,0,,,,$/);
  });

  it.each([
    ['status=ringing', 'status'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-ours', 'cursor'],
    ['format=xml', 'format'],
  ])('answers 422 for %s', async (query, field) => {
    const r = await api.get(`/api/campaigns/${id}/calls?${query}`);
    expect(r.status).toBe(422);
    expect(Object.keys(r.body)).toEqual([field]);
  });

  it('is scoped to the campaign’s account: 404 for others and for unknown ids; 401 without a token', async () => {
    expect((await other.get(`/api/campaigns/${id}/calls`)).status).toBe(404);
    expect((await other.get(`/api/campaigns/${id}/calls?format=csv`)).status).toBe(404);
    expect((await other.get(`/api/campaigns/${id}/deliveries`)).status).toBe(404);
    expect((await api.get('/api/campaigns/999999/calls')).status).toBe(404);
    expect((await api.get('/api/campaigns/abc/calls')).status).toBe(404);
    expect((await api.get(`/api/campaigns/${id}/calls`, { token: null })).status).toBe(401);
  });
});

describe('GET /api/campaigns/{id}/deliveries', () => {
  it('lists the campaign’s result deliveries (none before any call ends) and validates its filter', async () => {
    expect((await api.get(`/api/campaigns/${id}/deliveries`)).body).toEqual({ deliveries: [], next_cursor: null });
    expect((await api.get(`/api/campaigns/${id}/deliveries?status=lost`)).status).toBe(422);
  });
});
