import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, readDb, serverErrorsSeen, storedCalls, usNumber, type Body, type Reply } from '../support/api';
import { type TestServer } from '../support/server';

/**
 * Two accounts on one server. B never sees A's rows, every endpoint answers B's use of A's ids
 * with a plain 404 (and A's data stays as it was), B cannot name A's schedules or profiles in a
 * campaign, and nicknames are unique per account only.
 */

let server: TestServer;
let a: ApiClient;
let b: ApiClient;

const A: { shared?: number; onlyA?: number; sharedProfile?: number; onlyAProfile?: number } = {};
const base = () => ({ start_date: '2030-01-01', end_date: '2030-01-31', start_url: 'http://example.com/a' });

let aCampaignMemo: number | undefined;
/** A's campaign (made on first use, so a failure to create it shows in the tests that need it). */
async function aCampaign(): Promise<number> {
  aCampaignMemo ??= await a.createCampaign({
    ...base(),
    schedule: 'shared',
    profiles: [{ profile: 'shared', start_time: '08:00', end_time: '11:00' }],
    phone_numbers: [usNumber(0), usNumber(1)],
  });
  return aCampaignMemo;
}

/** A's rows as A sees them, plus A's stored calls: must not move whatever B does. */
async function aState() {
  const state = await a.state();
  const calls = readDb(server.dbFile, (db) => db.prepare('SELECT c.* FROM calls c JOIN campaigns k ON k.id = c.campaign_id JOIN accounts x ON x.id = k.account_id WHERE x.name = ? ORDER BY c.id').all('alice'));
  const campaigns = readDb(server.dbFile, (db) => db.prepare('SELECT k.* FROM campaigns k JOIN accounts x ON x.id = k.account_id WHERE x.name = ? ORDER BY k.id').all('alice'));
  return { ...state, calls, campaignRows: campaigns };
}

function expect404(r: Reply, what: string): void {
  expect(r.status, `${what}: ${r.text}`).toBe(404);
  expect(r.body, what).toStrictEqual({ status: 'error', error: expect.any(String) });
}

/** B naming something that is not B's in a campaign: a 422 naming the field, or a 404. */
function expectRefused(r: Reply, field: 'schedule' | 'profiles', what: string): void {
  expect([404, 422], `${what}: ${r.status} ${r.text}`).toContain(r.status);
  if (r.status === 422) {
    const keys = Object.keys(r.body ?? {});
    expect(
      keys.some((k) => k === field || k.startsWith(`${field}.`) || (field === 'schedule' && k === 'schedule_id')),
      `${what}: ${r.text}`,
    ).toBe(true);
  } else {
    expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
  }
  // Nothing may leak A's nicknames or ids' details in the message beyond what B sent.
  expect(r.text).not.toMatch(/alice/i);
}

beforeAll(async () => {
  server = await startTestServer({ env: { PACER: 'off' } });
  a = new ApiClient(server.url, server.token('alice'));
  b = new ApiClient(server.url, server.token('bob'));
  A.shared = await a.createSchedule(['mon', 'wed', 'fri'], 'shared');
  A.onlyA = await a.createSchedule(['tue'], 'only-a');
  A.sharedProfile = await a.createProfile({ nickname: 'shared' });
  A.onlyAProfile = await a.createProfile({ nickname: 'only-a', period: 15 });
});

afterAll(async () => {
  await server?.stop();
});

describe('two accounts', () => {
  it("B's lists start empty: A's schedules and profiles are not shown", async () => {
    expect(await b.list('/api/schedules')).toStrictEqual([]);
    expect(await b.list('/api/profiles')).toStrictEqual([]);
    expect((await a.list('/api/schedules')).map((s: Body) => s.nickname)).toStrictEqual(['shared', 'only-a']);
  });

  it("B's campaign list does not show A's campaigns (GET, and PATCH/PUT without an id)", async () => {
    await aCampaign();
    expect(await b.list('/api/campaigns')).toStrictEqual([]);
    for (const method of ['PATCH', 'PUT'] as const) {
      const r = await b.request(method, '/api/campaigns');
      expect(r.status, r.text).toBe(200);
      expect(r.body).toStrictEqual([]);
    }
  });

  it('the same nicknames are allowed in both accounts (and still unique within each)', async () => {
    const s = await b.post('/api/schedules', { json: { days: ['sat'], nickname: 'shared' } });
    expect(s.status, s.text).toBe(200);
    expect(s.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number), nickname: 'shared' } });
    const p = await b.post('/api/profiles', { form: { period: '60', amount_per_period: '1', time_between_periods: '0', nickname: 'shared' } });
    expect(p.status, p.text).toBe(200);
    expect(p.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number), nickname: 'shared' } });
    const again = await b.post('/api/schedules', { json: { days: ['sun'], nickname: 'shared' } });
    expect(again.status).toBe(422);
    expect(again.body).toStrictEqual({ nickname: ['The nickname has already been taken.'] });
    // Each sees only its own "shared".
    expect(await b.list('/api/schedules')).toStrictEqual([{ schedule_id: s.body.response.id, nickname: 'shared', days: ['sat'] }]);
    expect((await a.list('/api/schedules')).find((x: Body) => x.nickname === 'shared')).toStrictEqual({ schedule_id: A.shared, nickname: 'shared', days: ['mon', 'wed', 'fri'] });
    expect((await b.list('/api/profiles')).map((x: Body) => x.profile_id)).toStrictEqual([p.body.response.id]);
  });

  it("B renaming its own schedule/profile to a nickname A uses is fine", async () => {
    const s = await b.createSchedule(['mon'], 'b-temp');
    const r = await b.patch(`/api/schedules/${s}?name=only-a`);
    expect(r.status, r.text).toBe(200);
    const p = await b.createProfile({ nickname: 'b-temp' });
    const q = await b.put(`/api/profiles/${p}?nickname=only-a`);
    expect(q.status, q.text).toBe(200);
    expect(await b.delete(`/api/schedules/${s}`)).toMatchObject({ status: 200 });
    expect(await b.delete(`/api/profiles/${p}`)).toMatchObject({ status: 200 });
  });

  it("every schedule and profile endpoint with A's ids answers B with 404; A's data unchanged", async () => {
    const before = await aState();
    for (const id of [A.shared, A.onlyA]) {
      expect404(await b.patch(`/api/schedules/${id}?days=${encodeURIComponent('["sun"]')}&name=hijacked`), `PATCH schedules/${id}`);
      expect404(await b.put(`/api/schedules/${id}`, { json: { days: ['sun'], nickname: 'hijacked' } }), `PUT schedules/${id}`);
      expect404(await b.delete(`/api/schedules/${id}`), `DELETE schedules/${id}`);
    }
    for (const id of [A.sharedProfile, A.onlyAProfile]) {
      expect404(await b.patch(`/api/profiles/${id}?period=1&nickname=hijacked`), `PATCH profiles/${id}`);
      expect404(await b.put(`/api/profiles/${id}`, { form: { amount_per_period: '1' } }), `PUT profiles/${id}`);
      expect404(await b.delete(`/api/profiles/${id}`), `DELETE profiles/${id}`);
    }
    expect(await aState()).toStrictEqual(before);
  });

  it("every campaign endpoint with A's campaign id answers B with 404; A's campaign, its calls and its status unchanged", async () => {
    const id = await aCampaign();
    const before = await aState();
    expect404(await b.patch(`/api/campaigns/${id}?start_url=${encodeURIComponent('http://evil.example.com/')}`), 'PATCH campaigns/{id}');
    expect404(await b.put(`/api/campaigns/${id}`, { json: { end_date: '2031-01-01' } }), 'PUT campaigns/{id}');
    expect404(await b.post('/api/campaigns/start', { form: { campaign_id: String(id) } }), 'start');
    expect404(await b.post('/api/campaigns/stop', { json: { campaign_id: id } }), 'stop');
    expect404(await b.post('/api/campaigns/add-calls', { json: { campaign_id: id, phone_numbers: [usNumber(50)] } }), 'add-calls (JSON)');
    const fd = new FormData();
    fd.append('campaign_id', String(id));
    fd.append('phone_numbers', new Blob([`${usNumber(51)}\n`]), 'list.txt');
    expect404(await b.post('/api/campaigns/add-calls', { multipart: fd }), 'add-calls (file)');
    expect404(await b.delete(`/api/campaigns/${id}`), 'DELETE campaigns/{id}');
    const single = await b.get(`/api/campaigns/${id}`);
    expect([404, 405], single.text).toContain(single.status);
    expect(await aState()).toStrictEqual(before);
    expect(storedCalls(server.dbFile, id).map((c) => c.phone_number)).toStrictEqual([usNumber(0), usNumber(1)]);
  });

  it("B's 404 for A's id is the same as for an id that does not exist (nothing reveals that it exists)", async () => {
    const id = A.shared!;
    const foreign = await b.delete(`/api/schedules/${id}`);
    const missing = await b.delete('/api/schedules/987654');
    expect(foreign.status).toBe(missing.status);
    expect(foreign.body.error.replace(String(id), 'N')).toBe(missing.body.error.replace('987654', 'N'));
  });

  const foreignRefs: Array<[string, () => Record<string, unknown>, 'schedule' | 'profiles']> = [
    ["A's schedule by id (schedule)", () => ({ schedule: A.onlyA, profiles: [{ profile: 'shared', start_time: '08:00', end_time: '09:00' }] }), 'schedule'],
    ["A's schedule by id (schedule_id, as a string)", () => ({ schedule_id: String(A.onlyA), profiles: [{ profile: 'shared', start_time: '08:00', end_time: '09:00' }] }), 'schedule'],
    ["A's schedule by nickname", () => ({ schedule: 'only-a', profiles: [{ profile: 'shared', start_time: '08:00', end_time: '09:00' }] }), 'schedule'],
    ["A's profile by id", () => ({ schedule: 'shared', profiles: [{ profile: A.onlyAProfile, start_time: '08:00', end_time: '09:00' }] }), 'profiles'],
    ["A's profile by id (profile_id)", () => ({ schedule: 'shared', profiles: [{ profile_id: A.onlyAProfile, start_time: '08:00', end_time: '09:00' }] }), 'profiles'],
    ["A's profile by nickname", () => ({ schedule: 'shared', profiles: [{ profile: 'only-a', start_time: '08:00', end_time: '09:00' }] }), 'profiles'],
  ];
  for (const [label, fields, field] of foreignRefs) {
    it(`B cannot create a campaign naming ${label}`, async () => {
      const before = await aState();
      const campaignsOfB = await b.list('/api/campaigns');
      expectRefused(await b.post('/api/campaigns', { json: { ...base(), ...fields() } }), field, label);
      expect(await b.list('/api/campaigns')).toStrictEqual(campaignsOfB);
      expect(await aState()).toStrictEqual(before);
    });
  }

  it("B's nicknames resolve to B's own rows even where A has the same nickname", async () => {
    const bSchedule = (await b.list('/api/schedules')).find((s: Body) => s.nickname === 'shared')?.schedule_id;
    const bProfile = (await b.list('/api/profiles')).find((p: Body) => p.nickname === 'shared')?.profile_id;
    expect(bSchedule, 'B has a "shared" schedule (made by an earlier test)').toBeDefined();
    const id = await b.createCampaign({ ...base(), schedule: 'shared', profiles: [{ profile: 'shared', start_time: '08:00', end_time: '09:00' }], phone_numbers: [usNumber(0)] });
    const c = (await b.list('/api/campaigns')).find((x: Body) => x.campaign_id === id);
    expect(c.schedule_id ?? null).toBe(bSchedule);
    expect(c.schedule_nickname).toBe('shared');
    expect(c.profiles).toStrictEqual([{ profile_id: bProfile, nickname: 'shared', start_time: '08:00', end_time: '09:00' }]);
    // A number A's campaign also has is not a duplicate in B's campaign.
    expect(storedCalls(server.dbFile, id).map((x) => x.phone_number)).toStrictEqual([usNumber(0)]);
  });

  it("B cannot move its own campaign onto A's schedule or profile (PATCH); B's campaign unchanged", async () => {
    const id = await b.createCampaign({ ...base(), schedule: 'shared', profiles: [{ profile: 'shared', start_time: '10:00', end_time: '12:00' }] });
    const before = (await b.list('/api/campaigns')).find((x: Body) => x.campaign_id === id);
    expectRefused(await b.patch(`/api/campaigns/${id}?schedule=${A.onlyA}`), 'schedule', 'PATCH schedule=A id');
    expectRefused(await b.patch(`/api/campaigns/${id}?schedule_id=only-a`), 'schedule', 'PATCH schedule_id=A nickname');
    expectRefused(await b.put(`/api/campaigns/${id}`, { json: { profiles: [{ profile_id: A.onlyAProfile, start_time: '08:00', end_time: '09:00' }] } }), 'profiles', 'PUT profiles=A id');
    expectRefused(await b.patch(`/api/campaigns/${id}`, { form: { profiles: JSON.stringify([{ profile: 'only-a', start_time: '08:00', end_time: '09:00' }]) } }), 'profiles', 'PATCH profiles=A nickname');
    expect((await b.list('/api/campaigns')).find((x: Body) => x.campaign_id === id)).toStrictEqual(before);
  });

  it("A's in-use errors name only A's campaigns; B's same-nickname rows are independent", async () => {
    const aId = await aCampaign();
    const r = await a.delete(`/api/schedules/${A.shared}`);
    expect(r.status, r.text).toBe(409);
    expect(r.body).toStrictEqual({ status: 'error', error: `Schedule shared(id ${A.shared}) is being used with campaign id ${aId}.` });
    const p = await a.delete(`/api/profiles/${A.sharedProfile}`);
    expect(p.status, p.text).toBe(409);
    expect(p.body).toStrictEqual({ status: 'error', error: `Profile shared(id ${A.sharedProfile}) is being used with campaign id ${aId}.` });
  });

  it('A still sees exactly its own rows', async () => {
    expect((await a.list('/api/schedules')).map((s: Body) => s.schedule_id)).toStrictEqual([A.shared, A.onlyA]);
    expect((await a.list('/api/profiles')).map((p: Body) => p.profile_id)).toStrictEqual([A.sharedProfile, A.onlyAProfile]);
    expect((await a.list('/api/campaigns')).map((c: Body) => c.campaign_id)).toStrictEqual([await aCampaign()]);
  });

  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toEqual([]);
    expect(server.output()).not.toMatch(/"level":50/);
  });
});
