import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, queueOrder, serverErrorsSeen, storedCalls, usNumber, type Body, type Reply } from '../support/api';
import { type TestServer } from '../support/server';

/**
 * Every encoding scripts send — JSON with real arrays, urlencoded forms, multipart forms with
 * arrays as JSON strings, query strings on any method, `days[]=`, comma lists — and the
 * reference's synonyms, all through fetch against the real server.
 */

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ env: { PACER: 'off' } });
  api = new ApiClient(server.url, server.token('encodings'));
});

afterAll(async () => {
  await server?.stop();
});

const multipart = (fields: Record<string, string>, files: Record<string, { name: string; content: string; type?: string }> = {}) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [k, f] of Object.entries(files)) fd.append(k, new Blob([f.content], { type: f.type ?? 'text/plain' }), f.name);
  return fd;
};

const qs = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function scheduleById(id: number): Promise<Body> {
  return (await api.list('/api/schedules')).find((s: Body) => s.schedule_id === id);
}
async function profileById(id: number): Promise<Body> {
  return (await api.list('/api/profiles')).find((p: Body) => p.profile_id === id);
}
async function campaignById(id: number): Promise<Body> {
  return (await api.list('/api/campaigns')).find((c: Body) => c.campaign_id === id);
}

function expectCreated(r: Reply, nickname: string | null): number {
  expect(r.status, r.text).toBe(200);
  expect(r.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number), nickname } });
  return r.body.response.id;
}

let nick = 0;
const uniq = (base: string) => `${base}-${++nick}`;

describe('schedules', () => {
  const creates: Array<{ label: string; send: (n: string) => Promise<Reply>; days: string[] }> = [
    { label: 'JSON body with a real array', send: (n) => api.post('/api/schedules', { json: { days: ['mon', 'wed', 'fri'], nickname: n } }), days: ['mon', 'wed', 'fri'] },
    { label: 'urlencoded, days as a JSON string', send: (n) => api.post('/api/schedules', { form: { days: '["tue","thu"]', nickname: n } }), days: ['tue', 'thu'] },
    { label: 'urlencoded days[]=tue&days[]=thu', send: (n) => api.post('/api/schedules', { form: [['days[]', 'tue'], ['days[]', 'thu'], ['nickname', n]] }), days: ['tue', 'thu'] },
    { label: 'urlencoded comma list days=mon,wed', send: (n) => api.post('/api/schedules', { form: { days: 'mon,wed', nickname: n } }), days: ['mon', 'wed'] },
    { label: 'multipart, days as a JSON string', send: (n) => api.post('/api/schedules', { multipart: multipart({ days: '["sat","sun"]', nickname: n }) }), days: ['sat', 'sun'] },
    { label: 'query string on POST (no body)', send: (n) => api.post(`/api/schedules?days=${encodeURIComponent('["mon","fri"]')}&nickname=${n}`), days: ['mon', 'fri'] },
    { label: 'query string days[]=mon&days[]=wed on POST', send: (n) => api.post(`/api/schedules?days[]=mon&days[]=wed&nickname=${n}`), days: ['mon', 'wed'] },
    { label: 'days case-insensitive (JSON ["MON","Wed"])', send: (n) => api.post('/api/schedules', { json: { days: ['MON', 'Wed'], nickname: n } }), days: ['mon', 'wed'] },
    { label: 'days case-insensitive (comma list MON,FRI)', send: (n) => api.post('/api/schedules', { form: { days: 'MON,FRI', nickname: n } }), days: ['mon', 'fri'] },
    { label: 'JSON body without a content type', send: (n) => api.post('/api/schedules', { body: JSON.stringify({ days: ['thu'], nickname: n }) }), days: ['thu'] },
  ];
  for (const c of creates) {
    it(`create: ${c.label}`, async () => {
      const n = uniq('sched');
      const id = expectCreated(await c.send(n), n);
      expect(await scheduleById(id)).toStrictEqual({ schedule_id: id, nickname: n, days: c.days });
    });
  }

  it('create without a nickname (twice: no nickname is not a taken nickname): the reply carries nickname null', async () => {
    const id = expectCreated(await api.post('/api/schedules', { json: { days: ['mon'] } }), null);
    expect(await scheduleById(id)).toStrictEqual({ schedule_id: id, nickname: null, days: ['mon'] });
    const again = expectCreated(await api.post('/api/schedules', { form: { days: 'tue' } }), null);
    expect(again).not.toBe(id);
  });

  const updates: Array<{ label: string; send: (id: number, n: string) => Promise<Reply>; days: string[]; renamed: boolean }> = [
    { label: 'PATCH query string days (JSON)', send: (id) => api.patch(`/api/schedules/${id}?days=${encodeURIComponent('["tue","thu"]')}`), days: ['tue', 'thu'], renamed: false },
    { label: 'PUT query string days (JSON)', send: (id) => api.put(`/api/schedules/${id}?days=${encodeURIComponent('["tue","thu"]')}`), days: ['tue', 'thu'], renamed: false },
    { label: 'PATCH query string name= (the reference\'s synonym)', send: (id, n) => api.patch(`/api/schedules/${id}?name=${n}`), days: ['mon'], renamed: true },
    { label: 'PUT JSON body nickname', send: (id, n) => api.put(`/api/schedules/${id}`, { json: { nickname: n } }), days: ['mon'], renamed: true },
    { label: 'PATCH JSON body days + name', send: (id, n) => api.patch(`/api/schedules/${id}`, { json: { days: ['sat'], name: n } }), days: ['sat'], renamed: true },
    { label: 'PATCH urlencoded days[]', send: (id) => api.patch(`/api/schedules/${id}`, { form: [['days[]', 'wed'], ['days[]', 'fri']] }), days: ['wed', 'fri'], renamed: false },
    { label: 'PUT multipart days as a JSON string + name', send: (id, n) => api.put(`/api/schedules/${id}`, { multipart: multipart({ days: '["sun"]', name: n }) }), days: ['sun'], renamed: true },
    { label: 'PATCH comma list, mixed case', send: (id) => api.patch(`/api/schedules/${id}`, { form: { days: 'Tue,SAT' } }), days: ['tue', 'sat'], renamed: false },
  ];
  for (const u of updates) {
    it(`update: ${u.label} changes only what is given; reply {id, days as a JSON string, nickname}`, async () => {
      const original = uniq('upd');
      const id = await api.createSchedule(['mon'], original);
      const renamed = uniq('renamed');
      const r = await u.send(id, renamed);
      const nickname = u.renamed ? renamed : original;
      expect(r.status, r.text).toBe(200);
      expect(r.body).toStrictEqual({ status: 'success', response: { id, days: JSON.stringify(u.days), nickname } });
      expect(await scheduleById(id)).toStrictEqual({ schedule_id: id, nickname, days: u.days });
    });
  }

  it('PATCH and PUT produce the same results', async () => {
    const a = await api.createSchedule(['mon'], uniq('same'));
    const b = await api.createSchedule(['mon'], uniq('same'));
    const na = uniq('after');
    const nb = uniq('after');
    const ra = await api.patch(`/api/schedules/${a}`, { form: { days: '["tue","fri"]', name: na } });
    const rb = await api.put(`/api/schedules/${b}`, { form: { days: '["tue","fri"]', name: nb } });
    expect(ra.body).toStrictEqual({ status: 'success', response: { id: a, days: '["tue","fri"]', nickname: na } });
    expect(rb.body).toStrictEqual({ status: 'success', response: { id: b, days: '["tue","fri"]', nickname: nb } });
    expect((await scheduleById(a)).days).toEqual((await scheduleById(b)).days);
  });
});

describe('profiles', () => {
  const creates: Array<{ label: string; send: (n: string) => Promise<Reply> }> = [
    { label: 'JSON numbers', send: (n) => api.post('/api/profiles', { json: { period: 45, amount_per_period: 90, time_between_periods: 15, nickname: n } }) },
    { label: 'JSON numeric strings', send: (n) => api.post('/api/profiles', { json: { period: '45', amount_per_period: '90', time_between_periods: '15', nickname: n } }) },
    { label: 'urlencoded', send: (n) => api.post('/api/profiles', { form: { period: '45', amount_per_period: '90', time_between_periods: '15', nickname: n } }) },
    { label: 'multipart', send: (n) => api.post('/api/profiles', { multipart: multipart({ period: '45', amount_per_period: '90', time_between_periods: '15', nickname: n }) }) },
    { label: 'query string on POST', send: (n) => api.post(`/api/profiles?${qs({ period: '45', amount_per_period: '90', time_between_periods: '15', nickname: n })}`) },
  ];
  for (const c of creates) {
    it(`create: ${c.label}`, async () => {
      const n = uniq('prof');
      const id = expectCreated(await c.send(n), n);
      expect(await profileById(id)).toMatchObject({ profile_id: id, nickname: n, period: 45, amount_per_period: 90, time_between_periods: 15 });
    });
  }

  it('time_between_periods 0 is allowed', async () => {
    const n = uniq('zero');
    const id = expectCreated(await api.post('/api/profiles', { form: { period: '10', amount_per_period: '5', time_between_periods: '0', nickname: n } }), n);
    expect(await profileById(id)).toMatchObject({ period: 10, amount_per_period: 5, time_between_periods: 0 });
  });

  const updates: Array<{ label: string; send: (id: number, n: string) => Promise<Reply>; expect: Record<string, number>; renamed: boolean }> = [
    { label: 'PATCH query string (all fields)', send: (id, n) => api.patch(`/api/profiles/${id}?${qs({ period: '31', amount_per_period: '101', time_between_periods: '11', nickname: n })}`), expect: { period: 31, amount_per_period: 101, time_between_periods: 11 }, renamed: true },
    { label: 'PUT query string (all fields)', send: (id, n) => api.put(`/api/profiles/${id}?${qs({ period: '31', amount_per_period: '101', time_between_periods: '11', nickname: n })}`), expect: { period: 31, amount_per_period: 101, time_between_periods: 11 }, renamed: true },
    { label: 'PATCH JSON, only period', send: (id) => api.patch(`/api/profiles/${id}`, { json: { period: 20 } }), expect: { period: 20, amount_per_period: 100, time_between_periods: 10 }, renamed: false },
    { label: 'PUT urlencoded, only amount_per_period', send: (id) => api.put(`/api/profiles/${id}`, { form: { amount_per_period: '7' } }), expect: { period: 30, amount_per_period: 7, time_between_periods: 10 }, renamed: false },
    { label: 'PATCH multipart, only time_between_periods and nickname', send: (id, n) => api.patch(`/api/profiles/${id}`, { multipart: multipart({ time_between_periods: '0', nickname: n }) }), expect: { period: 30, amount_per_period: 100, time_between_periods: 0 }, renamed: true },
  ];
  for (const u of updates) {
    it(`update: ${u.label}; reply {id, nickname}; only given fields change`, async () => {
      const original = uniq('pupd');
      const id = await api.createProfile({ nickname: original });
      const renamed = uniq('prenamed');
      const r = await u.send(id, renamed);
      const nickname = u.renamed ? renamed : original;
      expect(r.status, r.text).toBe(200);
      expect(r.body).toStrictEqual({ status: 'success', response: { id, nickname } });
      expect(await profileById(id)).toMatchObject({ profile_id: id, nickname, ...u.expect });
    });
  }
});

describe('campaigns', () => {
  let wk: number;
  let morning: number;
  let evening: number;
  const START_URL = 'https://example.com/vxml/start';
  const base = () => ({ start_date: '2030-01-01', end_date: '2030-01-31', start_url: START_URL });
  const window = (profile: unknown, key = 'profile') => ({ [key]: profile, start_time: '08:00', end_time: '11:00' });

  beforeAll(async () => {
    wk = await api.createSchedule(['mon', 'tue', 'wed', 'thu', 'fri'], 'wk');
    morning = await api.createProfile({ nickname: 'Morning' });
    evening = await api.createProfile({ nickname: 'Evening', period: 60, amount_per_period: 20, time_between_periods: 0 });
  });

  function expectCampaignCreated(r: Reply): number {
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'success', response: { id: expect.any(Number) } });
    expect(Object.keys(r.body.response)).toEqual(['id']);
    return r.body.response.id;
  }

  const scheduleRefs: Array<{ label: string; fields: () => Record<string, unknown> }> = [
    { label: 'schedule: id (number)', fields: () => ({ schedule: wk }) },
    { label: 'schedule: id (string)', fields: () => ({ schedule: String(wk) }) },
    { label: 'schedule: nickname', fields: () => ({ schedule: 'wk' }) },
    { label: 'schedule_id: id (number)', fields: () => ({ schedule_id: wk }) },
    { label: 'schedule_id: id (string)', fields: () => ({ schedule_id: String(wk) }) },
    { label: 'schedule_id: nickname', fields: () => ({ schedule_id: 'wk' }) },
  ];
  for (const s of scheduleRefs) {
    it(`create (JSON) with ${s.label}`, async () => {
      const id = expectCampaignCreated(await api.post('/api/campaigns', { json: { ...base(), ...s.fields(), profiles: [window('Morning')] } }));
      const c = await campaignById(id);
      expect(c).toMatchObject({ campaign_id: id, schedule_nickname: 'wk', start_date: '2030-01-01 00:00:00', end_date: '2030-01-31 00:00:00', start_url: START_URL, result_url: null });
      expect(c.schedule_id).toBe(wk);
    });
  }

  const profileRefs: Array<{ label: string; window: () => Record<string, unknown> }> = [
    { label: 'profile: nickname', window: () => window('Morning') },
    { label: 'profile: id (number)', window: () => window(morning) },
    { label: 'profile: id (string)', window: () => window(String(morning)) },
    { label: 'profile_id: id', window: () => window(morning, 'profile_id') },
    { label: 'profile_id: nickname', window: () => window('Morning', 'profile_id') },
  ];
  for (const p of profileRefs) {
    it(`create (JSON) with a window naming its ${p.label}`, async () => {
      const id = expectCampaignCreated(await api.post('/api/campaigns', { json: { ...base(), schedule: wk, profiles: [p.window()] } }));
      expect((await campaignById(id)).profiles).toStrictEqual([{ profile_id: morning, nickname: 'Morning', start_time: '08:00', end_time: '11:00' }]);
    });
  }

  const twoWindows = [
    { profile: 'Morning', start_time: '08:00', end_time: '11:00' },
    { profile: 'Evening', start_time: '17:00', end_time: '20:30' },
  ];
  const twoWindowsListed = () => [
    { profile_id: morning, nickname: 'Morning', start_time: '08:00', end_time: '11:00' },
    { profile_id: evening, nickname: 'Evening', start_time: '17:00', end_time: '20:30' },
  ];
  const creates: Array<{ label: string; send: () => Promise<Reply> }> = [
    { label: 'JSON with real arrays', send: () => api.post('/api/campaigns', { json: { ...base(), schedule: 'wk', profiles: twoWindows, result_url: 'http://example.com/results' } }) },
    { label: 'urlencoded (profiles as a JSON string)', send: () => api.post('/api/campaigns', { form: { ...base(), schedule: 'wk', profiles: JSON.stringify(twoWindows), result_url: 'http://example.com/results' } }) },
    { label: 'multipart (profiles as a JSON string)', send: () => api.post('/api/campaigns', { multipart: multipart({ ...base(), schedule_id: String(wk), profiles: JSON.stringify(twoWindows), result_url: 'http://example.com/results' }) }) },
    { label: 'query string on POST', send: () => api.post(`/api/campaigns?${qs({ ...base(), schedule: 'wk', profiles: JSON.stringify(twoWindows), result_url: 'http://example.com/results' })}`) },
  ];
  for (const c of creates) {
    it(`create: ${c.label}; GET shows every field`, async () => {
      const id = expectCampaignCreated(await c.send());
      expect(await campaignById(id)).toMatchObject({
        campaign_id: id,
        start_date: '2030-01-01 00:00:00',
        end_date: '2030-01-31 00:00:00',
        start_url: START_URL,
        result_url: 'http://example.com/results',
        schedule_nickname: 'wk',
        profiles: twoWindowsListed(),
      });
    });
  }

  it('dates in the past are accepted', async () => {
    const id = expectCampaignCreated(await api.post('/api/campaigns', { json: { ...base(), start_date: '2019-03-01', end_date: '2019-03-02', schedule: wk, profiles: [window('Morning')] } }));
    expect(await campaignById(id)).toMatchObject({ start_date: '2019-03-01 00:00:00', end_date: '2019-03-02 00:00:00' });
  });

  it("GET's schedule_nickname is the schedule's current nickname after a rename (campaign named it by id and by nickname)", async () => {
    const s = await api.createSchedule(['sat'], 'before-rename');
    const byId = await api.createCampaign({ ...base(), schedule: s, profiles: [window('Morning')] });
    const byNick = await api.createCampaign({ ...base(), schedule_id: 'before-rename', profiles: [window('Morning')] });
    expect((await campaignById(byId)).schedule_nickname).toBe('before-rename');
    expect((await api.patch(`/api/schedules/${s}?name=after-rename`)).status).toBe(200);
    expect((await campaignById(byId)).schedule_nickname).toBe('after-rename');
    expect((await campaignById(byNick)).schedule_nickname).toBe('after-rename');
  });

  it("GET's profile nickname is the profile's current nickname after a rename", async () => {
    const p = await api.createProfile({ nickname: 'p-before' });
    const id = await api.createCampaign({ ...base(), schedule: wk, profiles: [window('p-before')] });
    expect((await api.patch(`/api/profiles/${p}?nickname=p-after`)).status).toBe(200);
    expect((await campaignById(id)).profiles).toStrictEqual([{ profile_id: p, nickname: 'p-after', start_time: '08:00', end_time: '11:00' }]);
  });

  for (const method of ['PATCH', 'PUT'] as const) {
    it(`${method} /api/campaigns without an id returns all campaigns (as GET) and changes nothing`, async () => {
      await api.createCampaign({ ...base(), schedule: wk, profiles: [window('Morning')] });
      const before = await api.state();
      const r = await api.request(method, `/api/campaigns?start_date=2031-01-01&end_date=2031-02-01`, {
        json: { start_url: 'http://changed.example.com/', end_date: '2031-12-31', schedule: 'wk', profiles: twoWindows },
      });
      expect(r.status, r.text).toBe(200);
      expect(Array.isArray(r.body)).toBe(true);
      expect(r.body.map(({ next_dial_at: _n, ...c }: Body) => c)).toStrictEqual(before.campaigns);
      expect(await api.state()).toStrictEqual(before);
    });
  }

  it('PATCH and PUT /api/campaigns/{id} produce the same results (JSON body vs urlencoded)', async () => {
    const a = await api.createCampaign({ ...base(), schedule: wk, profiles: [window('Morning')] });
    const b = await api.createCampaign({ ...base(), schedule: wk, profiles: [window('Morning')] });
    const change = { end_date: '2030-03-31', start_url: 'http://example.com/other', result_url: 'https://example.com/r', schedule_id: 'wk', profiles: twoWindows };
    const ra = await api.patch(`/api/campaigns/${a}`, { json: change });
    const rb = await api.put(`/api/campaigns/${b}`, { form: { ...change, profiles: JSON.stringify(twoWindows) } });
    expect(ra.status, ra.text).toBe(200);
    expect(ra.body).toStrictEqual({ status: 'success', response: { id: a } });
    expect(rb.status, rb.text).toBe(200);
    expect(rb.body).toStrictEqual({ status: 'success', response: { id: b } });
    const ca = await campaignById(a);
    const cb = await campaignById(b);
    expect({ ...ca, campaign_id: 0 }).toStrictEqual({ ...cb, campaign_id: 0 });
    expect(ca).toMatchObject({ start_date: '2030-01-01 00:00:00', end_date: '2030-03-31 00:00:00', start_url: 'http://example.com/other', result_url: 'https://example.com/r', profiles: twoWindowsListed() });
  });

  it('PATCH changes only what is given (start_url alone, via the query string)', async () => {
    const id = await api.createCampaign({ ...base(), schedule: wk, profiles: twoWindows, result_url: 'http://example.com/keep' });
    const before = await campaignById(id);
    const r = await api.patch(`/api/campaigns/${id}?start_url=${encodeURIComponent('http://example.com/new-start')}`);
    expect(r.body).toStrictEqual({ status: 'success', response: { id } });
    expect(await campaignById(id)).toStrictEqual({ ...before, start_url: 'http://example.com/new-start' });
  });

  it('PATCH profiles replaces ALL windows; schedule by nickname or id', async () => {
    const other = await api.createSchedule(['sun'], 'other-sched');
    const id = await api.createCampaign({ ...base(), schedule: wk, profiles: twoWindows });
    const r = await api.patch(`/api/campaigns/${id}`, { form: { schedule: 'other-sched', profiles: JSON.stringify([{ profile_id: evening, start_time: '12:00', end_time: '13:00' }]) } });
    expect(r.body).toStrictEqual({ status: 'success', response: { id } });
    const c = await campaignById(id);
    expect(c.schedule_nickname).toBe('other-sched');
    expect(c.profiles).toStrictEqual([{ profile_id: evening, nickname: 'Evening', start_time: '12:00', end_time: '13:00' }]);
    expect((await api.patch(`/api/campaigns/${id}?schedule_id=${wk}`)).body).toStrictEqual({ status: 'success', response: { id } });
    expect((await campaignById(id)).schedule_nickname).toBe('wk');
  });
});

describe('phone lists', () => {
  let wk: number;
  const fields = () => ({ start_date: '2030-01-01', end_date: '2030-01-31', start_url: 'http://example.com/s', schedule: wk, profiles: [{ profile: 'Pl', start_time: '09:00', end_time: '17:00' }] });
  const calls = (id: number) => storedCalls(server.dbFile, id).map(({ phone_number, ani, message_reference }) => ({ phone_number, ani, message_reference }));
  const call = (phone_number: string, ani: string | null = null, message_reference: string | null = null) => ({ phone_number, ani, message_reference });

  beforeAll(async () => {
    wk = await api.createSchedule(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], 'pl-all');
    await api.createProfile({ nickname: 'Pl' });
  });

  it('create with an inline JSON array (JSON body): entries with and without tel:, ani and message_reference', async () => {
    const r = await api.post('/api/campaigns', {
      json: { ...fields(), phone_numbers: [`tel:${usNumber(0)}; ani=${usNumber(99).slice(2)}, ref-0`, `tel:${usNumber(1)}`, `${usNumber(2).slice(2)},ref-2`, `tel:${usNumber(3)};ani=${usNumber(98)}`] },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number) }, added: 4, duplicates: 0 });
    expect(calls(r.body.response.id)).toStrictEqual([call(usNumber(0), usNumber(99), 'ref-0'), call(usNumber(1)), call(usNumber(2), null, 'ref-2'), call(usNumber(3), usNumber(98))]);
  });

  it('create with the list as a JSON string in a urlencoded field', async () => {
    const r = await api.post('/api/campaigns', { form: { ...fields(), schedule: String(wk), profiles: JSON.stringify(fields().profiles), phone_numbers: JSON.stringify([`tel:${usNumber(5)}; ani=${usNumber(99)}, r5`, `tel:${usNumber(6)}`]) } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number) }, added: 2, duplicates: 0 });
    expect(calls(r.body.response.id)).toStrictEqual([call(usNumber(5), usNumber(99), 'r5'), call(usNumber(6))]);
  });

  it('create with an uploaded file, one entry per line: UTF-8 BOM, CRLF, blank lines', async () => {
    const content = `\uFEFFtel:${usNumber(10)}; ani=${usNumber(99)}, march\r\n\r\n${usNumber(11)}\r\n   \r\n${usNumber(12).slice(2)}, ref 12\r\n\r\n`;
    const r = await api.post('/api/campaigns', {
      multipart: multipart({ ...fields(), schedule: String(wk), profiles: JSON.stringify(fields().profiles) }, { phone_numbers: { name: 'numbers.txt', content } }),
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number) }, added: 3, duplicates: 0 });
    expect(calls(r.body.response.id)).toStrictEqual([call(usNumber(10), usNumber(99), 'march'), call(usNumber(11)), call(usNumber(12), null, 'ref 12')]);
  });

  it('add-calls with a CSV upload: header phone_number,ani,message_reference, quoted fields', async () => {
    const id = await api.createCampaign(fields());
    const content = `phone_number,ani,message_reference\r\n${usNumber(20)},${usNumber(99)},first\r\n"(201) 555-0121",,"second, with a comma"\r\n"${usNumber(22)}","${usNumber(98).slice(2)}",\r\n`;
    const r = await api.post('/api/campaigns/add-calls', { multipart: multipart({ campaign_id: String(id) }, { phone_numbers: { name: 'list.csv', content, type: 'text/csv' } }) });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', added: 3, duplicates: 0 });
    expect(calls(id)).toStrictEqual([call(usNumber(20), usNumber(99), 'first'), call(usNumber(21), null, 'second, with a comma'), call(usNumber(22), usNumber(98))]);
  });

  it('CSV columns in any order (and any case), extra columns ignored, BOM', async () => {
    const id = await api.createCampaign(fields());
    const content = `\uFEFFMessage_Reference,notes,ANI,Phone_Number\nref-a,x,${usNumber(99)},${usNumber(30)}\n"ref ""b""",y,,"+1 201 555 0131"\n`;
    const r = await api.post('/api/campaigns/add-calls', { multipart: multipart({ campaign_id: String(id) }, { phone_numbers: { name: 'any-order.csv', content, type: 'text/csv' } }) });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', added: 2, duplicates: 0 });
    expect(calls(id)).toStrictEqual([call(usNumber(30), usNumber(99), 'ref-a'), call(usNumber(31), null, 'ref "b"')]);
  });

  it('CSV with only a phone_number column', async () => {
    const id = await api.createCampaign(fields());
    const r = await api.post('/api/campaigns/add-calls', { multipart: multipart({ campaign_id: String(id) }, { phone_numbers: { name: 'only.csv', content: `phone_number\n${usNumber(40)}\n${usNumber(41)}\n`, type: 'text/csv' } }) });
    expect(r.body).toStrictEqual({ status: 'success', added: 2, duplicates: 0 });
    expect(calls(id)).toStrictEqual([call(usNumber(40)), call(usNumber(41))]);
  });

  it('add-calls with a JSON body and with a multipart JSON-string field', async () => {
    const id = await api.createCampaign(fields());
    const a = await api.post('/api/campaigns/add-calls', { json: { campaign_id: id, phone_numbers: [`tel:${usNumber(45)}`] } });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toStrictEqual({ status: 'success', added: 1, duplicates: 0 });
    const b = await api.post('/api/campaigns/add-calls', { multipart: multipart({ campaign_id: String(id), phone_numbers: JSON.stringify([`tel:${usNumber(46)}; ani=${usNumber(99)}`]) }) });
    expect(b.status, b.text).toBe(200);
    expect(b.body).toStrictEqual({ status: 'success', added: 1, duplicates: 0 });
    const c = await api.post(`/api/campaigns/add-calls?campaign_id=${id}&phone_numbers=${encodeURIComponent(JSON.stringify([`tel:${usNumber(47)}`]))}`);
    expect(c.status, c.text).toBe(200);
    expect(c.body).toStrictEqual({ status: 'success', added: 1, duplicates: 0 });
    expect(calls(id)).toStrictEqual([call(usNumber(45)), call(usNumber(46), usNumber(99)), call(usNumber(47))]);
  });

  it('duplicates within one list are skipped and counted (also in another spelling of the same number)', async () => {
    const r = await api.post('/api/campaigns', {
      json: { ...fields(), phone_numbers: [`tel:${usNumber(50)}`, `tel:${usNumber(51)}`, `tel:${usNumber(50)}, again`, '+1 (201) 555-0151', usNumber(52).slice(2)] },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', response: { id: expect.any(Number) }, added: 3, duplicates: 2 });
    expect(calls(r.body.response.id).map((c) => c.phone_number)).toStrictEqual([usNumber(50), usNumber(51), usNumber(52)]);
  });

  it('duplicates against the existing queue are skipped and counted; new ones are appended at the END in list order', async () => {
    const id = await api.createCampaign({ ...fields(), phone_numbers: [usNumber(60), usNumber(61), usNumber(62)] });
    const r = await api.post('/api/campaigns/add-calls', { json: { campaign_id: id, phone_numbers: [usNumber(65), usNumber(61), usNumber(63), usNumber(65), usNumber(60)] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', added: 2, duplicates: 3 });
    expect(await queueOrder(api, server.dbFile, id)).toStrictEqual([usNumber(60), usNumber(61), usNumber(62), usNumber(65), usNumber(63)]);
    const file = `phone_number\n${usNumber(64)}\n${usNumber(62)}\n`;
    const f = await api.post('/api/campaigns/add-calls', { multipart: multipart({ campaign_id: String(id) }, { phone_numbers: { name: 'more.csv', content: file } }) });
    expect(f.body).toStrictEqual({ status: 'success', added: 1, duplicates: 1 });
    expect(await queueOrder(api, server.dbFile, id)).toStrictEqual([usNumber(60), usNumber(61), usNumber(62), usNumber(65), usNumber(63), usNumber(64)]);
  });

  it('add-calls while the campaign is running appends to the end of the queue', async () => {
    // Started in the past, ending far ahead: it really runs (the pacer is off in these tests).
    const id = await api.createCampaign({ ...fields(), start_date: '2020-01-01', end_date: '2099-12-31', phone_numbers: [usNumber(70), usNumber(71)] });
    const start = await api.post('/api/campaigns/start', { form: { campaign_id: String(id) } });
    expect(start.status, start.text).toBe(200);
    expect(start.body.status).toBe('success');
    expect((await campaignById(id)).status).toBe('running');
    const r = await api.post('/api/campaigns/add-calls', { form: { campaign_id: String(id), phone_numbers: JSON.stringify([usNumber(73), usNumber(70), usNumber(72)]) } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toStrictEqual({ status: 'success', added: 2, duplicates: 1 });
    expect(await queueOrder(api, server.dbFile, id)).toStrictEqual([usNumber(70), usNumber(71), usNumber(73), usNumber(72)]);
    expect((await campaignById(id)).status).toBe('running');
    expect(storedCalls(server.dbFile, id).map((c) => c.status)).toStrictEqual(['queued', 'queued', 'queued', 'queued']);
  });
});

describe('server health', () => {
  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toEqual([]);
    expect(server.output()).not.toMatch(/"level":50/);
  });
});
