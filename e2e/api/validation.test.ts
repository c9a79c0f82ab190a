import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  startTestServer,
  isFieldErrorMap,
  keysNaming,
  OPERATIONS,
  prefixListedFor,
  rawExchange,
  readDb,
  rowCount,
  serverErrorsSeen,
  storedCalls,
  tokenCli,
  usNumber,
  type Reply,
} from '../support/api';
import { type TestServer } from '../support/server';

/**
 * Every bad-input class gets a 4xx JSON reply naming the field (422 `{"field":["message"]}`),
 * never a 5xx, and nothing is half-stored: after each rejected request the account's GET lists
 * and the database's row counts are exactly as before.
 */

let server: TestServer;
let api: ApiClient;
let token: string;

const SCHEDULE = 'v-sched';
const PROFILE = 'v-prof';
const base = () => ({
  start_date: '2030-01-01',
  end_date: '2030-01-31',
  schedule: SCHEDULE,
  profiles: [{ profile: PROFILE, start_time: '08:00', end_time: '11:00' }],
  start_url: 'http://example.com/start',
});

beforeAll(async () => {
  // The auth tests below send ~100 bad tokens from one client on purpose; the brake on token
  // guessing (AUTH_FAILURE_LIMIT, default 20 a minute per client) would turn them into 429s.
  server = await startTestServer({ env: { PACER: 'off', AUTH_FAILURE_LIMIT: '100000' } });
  token = server.token('validation');
  api = new ApiClient(server.url, token);
  await api.createSchedule(['mon', 'tue', 'wed', 'thu', 'fri'], SCHEDULE);
  await api.createProfile({ nickname: PROFILE });
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Everything a request could have half-stored, read straight from the database in one go (much
 * cheaper than the GET lists, and stricter: it sees columns GET does not show).
 */
function snapshot() {
  return readDb(server.dbFile, (db) => ({
    schedules: db.prepare('SELECT * FROM schedules ORDER BY id').all(),
    profiles: db.prepare('SELECT * FROM profiles ORDER BY id').all(),
    campaigns: db.prepare('SELECT * FROM campaigns ORDER BY id').all(),
    campaign_profiles: db.prepare('SELECT * FROM campaign_profiles ORDER BY id').all(),
    calls: db.prepare('SELECT count(*) AS n, max(id) AS last FROM calls').get(),
  }));
}

/**
 * Sends a bad request and insists on a 422 field map with a key naming one of `fields` (the key
 * itself or a path under it, e.g. `profiles.0.end_time`), and on nothing having changed.
 */
async function expectRejected(send: () => Promise<Reply>, fields: string | string[], mention?: RegExp): Promise<Reply> {
  const before = snapshot();
  const r = await send();
  expect(r.status, r.text).toBe(422);
  expect(r.contentType).toMatch(/application\/json/);
  expect(isFieldErrorMap(r.body), r.text).toBe(true);
  const names = (Array.isArray(fields) ? fields : [fields]).flatMap((f) => keysNaming(r.body, f));
  expect(names, `no key naming ${JSON.stringify(fields)} in ${r.text}`).not.toEqual([]);
  if (mention) expect(r.text).toMatch(mention);
  expect(snapshot()).toStrictEqual(before);
  return r;
}

let seq = 0;
const uniq = (s: string) => `${s}-${++seq}`;

let campaignMemo: number | undefined;
/** A stopped campaign to PATCH and add calls to (created on first use, so a failure shows in the test that needs it). */
async function campaign(): Promise<number> {
  campaignMemo ??= await api.createCampaign({ ...base(), phone_numbers: [usNumber(0)] });
  return campaignMemo;
}

describe('schedules', () => {
  const badDays: Array<[string, unknown]> = [
    ['missing', undefined],
    ['empty array', []],
    ['unknown day', ['mon', 'xyz']],
    ['repeated day', ['mon', 'wed', 'mon']],
    ['repeated day, other case', ['mon', 'MON']],
    ['a number, not an array', 5],
    ['an object, not an array', { mon: true }],
    ['numbers in the array', [1, 2]],
    ['null', null],
    ['a word that is not a day', 'monday'],
    ['empty string', ''],
  ];
  for (const [label, days] of badDays) {
    it(`create: days ${label} → 422 days`, async () => {
      await expectRejected(() => api.post('/api/schedules', { json: { ...(days !== undefined && { days }), nickname: uniq('bad') } }), 'days');
    });
  }

  it('create: days repeated in a form (days[]=mon&days[]=mon) → 422 days', async () => {
    await expectRejected(() => api.post('/api/schedules', { form: [['days[]', 'mon'], ['days[]', 'mon']] }), 'days');
  });

  it('create: days as an unparseable JSON-looking string → 422 days', async () => {
    await expectRejected(() => api.post('/api/schedules', { form: { days: '["mon",' } }), 'days');
  });

  it('create: nickname of 65 characters → 422 nickname; 64 is fine', async () => {
    await expectRejected(() => api.post('/api/schedules', { json: { days: ['mon'], nickname: 'n'.repeat(65) } }), 'nickname');
    const ok = await api.post('/api/schedules', { json: { days: ['mon'], nickname: 's'.repeat(64) } });
    expect(ok.status, ok.text).toBe(200);
  });

  it('create: duplicate nickname → 422 {"nickname":["The nickname has already been taken."]}', async () => {
    await api.createSchedule(['mon'], 'taken-s');
    const r = await expectRejected(() => api.post('/api/schedules', { form: { days: '["tue"]', nickname: 'taken-s' } }), 'nickname');
    expect(r.body).toStrictEqual({ nickname: ['The nickname has already been taken.'] });
  });

  it('update: renaming to a nickname already taken (name= and nickname=) → the same 422, nothing changed', async () => {
    await api.createSchedule(['mon'], 'taken-s2');
    const id = await api.createSchedule(['fri'], 'will-not-change');
    for (const key of ['name', 'nickname']) {
      const r = await expectRejected(() => api.patch(`/api/schedules/${id}?${key}=taken-s2&days=${encodeURIComponent('["sat"]')}`), ['nickname', 'name']);
      expect(r.body).toStrictEqual({ nickname: ['The nickname has already been taken.'] });
    }
  });

  const badUpdates: Array<[string, Record<string, unknown>, string[]]> = [
    ['days empty', { days: [] }, ['days']],
    ['unknown day', { days: ['funday'] }, ['days']],
    ['repeated day', { days: ['sun', 'sun'] }, ['days']],
    ['days not an array', { days: 7 }, ['days']],
    ['name of 65 characters', { name: 'x'.repeat(65) }, ['name', 'nickname']],
    ['nickname of 65 characters', { nickname: 'x'.repeat(65) }, ['nickname']],
  ];
  for (const [label, body, fields] of badUpdates) {
    for (const method of ['PATCH', 'PUT'] as const) {
      it(`update (${method}): ${label} → 422 ${fields[0]}, nothing changed`, async () => {
        const id = await api.createSchedule(['wed'], uniq('upd'));
        await expectRejected(() => api.request(method, `/api/schedules/${id}`, { json: body }), fields);
      });
    }
  }
});

describe('profiles', () => {
  const valid = { period: 30, amount_per_period: 100, time_between_periods: 10 };
  const FIELDS = ['period', 'amount_per_period', 'time_between_periods'] as const;
  const bad: Array<[string, unknown]> = [
    ['missing', undefined],
    ['zero', 0],
    ['negative', -1],
    ['non-numeric', 'abc'],
    ['a float', 1.5],
    ['a float string', '1.5'],
    ['huge', 1e20],
    ['a huge digit string', '99999999999999999999'],
    ['empty string', ''],
    ['null', null],
    ['an array', [30]],
  ];
  for (const field of FIELDS) {
    for (const [label, value] of bad) {
      if (field === 'time_between_periods' && label === 'zero') continue;
      it(`create: ${field} ${label} → 422 ${field}`, async () => {
        const body: Record<string, unknown> = { ...valid, nickname: uniq('p') };
        if (value === undefined) delete body[field];
        else body[field] = value;
        await expectRejected(() => api.post('/api/profiles', { json: body }), field);
      });
    }
    it(`create (form): ${field}=-5 → 422 ${field}`, async () => {
      await expectRejected(() => api.post('/api/profiles', { form: { ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, String(v)])), [field]: '-5' } }), field);
    });
    for (const [label, value] of bad.filter(([l]) => l !== 'missing' && l !== 'null')) {
      if (field === 'time_between_periods' && label === 'zero') continue;
      it(`update (PATCH query string): ${field} ${label} → 422 ${field}, nothing changed`, async () => {
        const id = await api.createProfile({ nickname: uniq('pu') });
        const q = Array.isArray(value) ? `${field}[]=${value[0]}` : `${field}=${encodeURIComponent(String(value))}`;
        await expectRejected(() => api.patch(`/api/profiles/${id}?${q}&nickname=${uniq('renamed')}`), field);
      });
    }
  }

  it('create: time_between_periods 0 is accepted (the only zero allowed)', async () => {
    const r = await api.post('/api/profiles', { json: { ...valid, time_between_periods: 0 } });
    expect(r.status, r.text).toBe(200);
  });

  it('create: nickname of 65 characters → 422 nickname', async () => {
    await expectRejected(() => api.post('/api/profiles', { json: { ...valid, nickname: 'p'.repeat(65) } }), 'nickname');
  });

  it('create and update: duplicate nickname → 422 {"nickname":["The nickname has already been taken."]}', async () => {
    await api.createProfile({ nickname: 'taken-p' });
    const r = await expectRejected(() => api.post('/api/profiles', { form: { period: '5', amount_per_period: '5', time_between_periods: '5', nickname: 'taken-p' } }), 'nickname');
    expect(r.body).toStrictEqual({ nickname: ['The nickname has already been taken.'] });
    const id = await api.createProfile({ nickname: 'stays' });
    const u = await expectRejected(() => api.put(`/api/profiles/${id}?nickname=taken-p&period=45`), 'nickname');
    expect(u.body).toStrictEqual({ nickname: ['The nickname has already been taken.'] });
  });
});

describe('campaigns', () => {
  for (const field of ['start_date', 'end_date', 'profiles', 'start_url'] as const) {
    it(`create: missing ${field} → 422 ${field}`, async () => {
      const body: Record<string, unknown> = base();
      delete body[field];
      await expectRejected(() => api.post('/api/campaigns', { json: body }), field);
    });
  }
  it('create: missing schedule (neither schedule nor schedule_id) → 422 schedule', async () => {
    const { schedule: _s, ...body } = base();
    await expectRejected(() => api.post('/api/campaigns', { json: body }), ['schedule', 'schedule_id']);
  });
  it('create: an empty body → 422 naming every required field', async () => {
    const r = await expectRejected(() => api.post('/api/campaigns', { json: {} }), 'start_date');
    for (const f of ['end_date', 'profiles', 'start_url']) expect(keysNaming(r.body, f), r.text).not.toEqual([]);
    expect([...keysNaming(r.body, 'schedule'), ...keysNaming(r.body, 'schedule_id')], r.text).not.toEqual([]);
  });

  const badDates: Array<[string, unknown]> = [
    ['not a date', 'notadate'],
    ['February 30th', '2023-02-30'],
    ['month 13', '2023-13-01'],
    ['US format', '01/02/2023'],
    ['no zero padding', '2023-1-5'],
    ['no dashes', '20230105'],
    ['a number', 20230105],
    ['empty', ''],
    ['with a time of day', '2023-01-05T10:00:00Z'],
  ];
  for (const field of ['start_date', 'end_date'] as const) {
    for (const [label, value] of badDates) {
      it(`create: ${field} ${label} → 422 ${field}`, async () => {
        await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), [field]: value } }), field);
      });
    }
  }

  it('create: end_date before start_date → 422 end_date; equal dates are fine', async () => {
    await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), start_date: '2030-02-01', end_date: '2030-01-31' } }), ['end_date', 'start_date']);
    const ok = await api.post('/api/campaigns', { json: { ...base(), start_date: '2030-02-01', end_date: '2030-02-01' } });
    expect(ok.status, ok.text).toBe(200);
  });

  it('update: changing only start_date past the stored end_date → 422, nothing changed', async () => {
    const id = await campaign();
    await expectRejected(() => api.patch(`/api/campaigns/${id}?start_date=2030-02-15`), ['start_date', 'end_date']);
  });

  it('update: changing only end_date before the stored start_date → 422, nothing changed', async () => {
    const id = await campaign();
    await expectRejected(() => api.put(`/api/campaigns/${id}`, { json: { end_date: '2029-12-31' } }), ['end_date', 'start_date']);
  });

  it('update: an invalid date → 422, nothing changed', async () => {
    const id = await campaign();
    await expectRejected(() => api.patch(`/api/campaigns/${id}`, { form: { start_date: '2030-02-30' } }), 'start_date');
  });

  const badTimes: Array<[string, string, string, string]> = [
    ['start_time 24:00', '24:00', '23:00', 'start_time'],
    ['start_time 8:00 (one-digit hour)', '8:00', '11:00', 'start_time'],
    ['start_time 25:61', '25:61', '23:00', 'start_time'],
    ['start_time 08:60', '08:60', '11:00', 'start_time'],
    ['start_time 0800', '0800', '11:00', 'start_time'],
    ['start_time with seconds', '08:00:00', '11:00', 'start_time'],
    ['end_time 24:00', '08:00', '24:00', 'end_time'],
    ['end_time empty', '08:00', '', 'end_time'],
    ['end_time equal to start_time', '09:00', '09:00', 'end_time'],
    ['end_time before start_time', '11:00', '08:00', 'end_time'],
  ];
  for (const [label, start_time, end_time, sub] of badTimes) {
    it(`create: ${label} → 422 profiles (naming ${sub})`, async () => {
      await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), profiles: [{ profile: PROFILE, start_time, end_time }] } }), 'profiles', new RegExp(`${sub}|${sub.replace('_', ' ')}`));
    });
  }

  it('create: a window without start_time / end_time → 422 profiles', async () => {
    await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), profiles: [{ profile: PROFILE, end_time: '11:00' }] } }), 'profiles', /start_time|start time/);
    await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), profiles: [{ profile: PROFILE, start_time: '08:00' }] } }), 'profiles', /end_time|end time/);
  });

  const overlapping: Array<[string, Array<[string, string]>]> = [
    ['overlapping', [['08:00', '11:00'], ['10:00', '12:00']]],
    ['nested', [['08:00', '12:00'], ['09:00', '10:00']]],
    ['identical', [['08:00', '11:00'], ['08:00', '11:00']]],
    ['overlapping, given out of order', [['13:00', '15:00'], ['08:00', '11:00'], ['10:30', '13:30']]],
  ];
  for (const [label, windows] of overlapping) {
    it(`create: ${label} profile windows → 422 profiles`, async () => {
      await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), profiles: windows.map(([s, e]) => ({ profile: PROFILE, start_time: s, end_time: e })) } }), 'profiles');
    });
  }

  it('create: adjacent windows (08:00-11:00, 11:00-12:00) do not overlap and are accepted', async () => {
    const r = await api.post('/api/campaigns', { json: { ...base(), profiles: [{ profile: PROFILE, start_time: '08:00', end_time: '11:00' }, { profile: PROFILE, start_time: '11:00', end_time: '12:00' }] } });
    expect(r.status, r.text).toBe(200);
  });

  it('update: overlapping windows → 422, windows unchanged', async () => {
    const id = await campaign();
    await expectRejected(
      () => api.patch(`/api/campaigns/${id}?profiles=${encodeURIComponent(JSON.stringify([{ profile: PROFILE, start_time: '08:00', end_time: '11:00' }, { profile: PROFILE, start_time: '10:59', end_time: '12:00' }]))}`),
      'profiles',
    );
  });

  const badProfiles: Array<[string, unknown]> = [
    ['empty array', []],
    ['a string that is not JSON', 'MorningPace'],
    ['an object instead of an array', { profile: PROFILE, start_time: '08:00', end_time: '11:00' }],
    ['a window without a profile', [{ start_time: '08:00', end_time: '11:00' }]],
    ['an array of strings', [PROFILE]],
  ];
  for (const [label, profiles] of badProfiles) {
    it(`create: profiles ${label} → 422 profiles`, async () => {
      await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), profiles } }), 'profiles');
    });
  }

  const unknownRefs: Array<[string, Record<string, unknown>, string[]]> = [
    ['schedule id that does not exist', { schedule: 999999 }, ['schedule', 'schedule_id']],
    ['schedule nickname that does not exist', { schedule: 'no-such-schedule' }, ['schedule', 'schedule_id']],
    ['schedule_id that does not exist', { schedule: undefined, schedule_id: '999999' }, ['schedule', 'schedule_id']],
    ['profile nickname that does not exist', { profiles: [{ profile: 'no-such-profile', start_time: '08:00', end_time: '11:00' }] }, ['profiles']],
    ['profile id that does not exist', { profiles: [{ profile: 999999, start_time: '08:00', end_time: '11:00' }] }, ['profiles']],
    ['profile_id that does not exist', { profiles: [{ profile_id: 999999, start_time: '08:00', end_time: '11:00' }] }, ['profiles']],
  ];
  for (const [label, change, fields] of unknownRefs) {
    it(`create: a ${label} → 422 ${fields[0]}`, async () => {
      await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), ...change } }), fields);
    });
  }

  it('update: an unknown schedule or profile → 422, nothing changed', async () => {
    const id = await campaign();
    await expectRejected(() => api.patch(`/api/campaigns/${id}?schedule=no-such-schedule`), ['schedule', 'schedule_id']);
    await expectRejected(() => api.patch(`/api/campaigns/${id}`, { json: { profiles: [{ profile: 'no-such-profile', start_time: '08:00', end_time: '09:00' }] } }), 'profiles');
  });

  const badUrls: Array<[string, string]> = [
    ['ftp:', 'ftp://example.com/app.vxml'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['garbage', 'not a url'],
    ['no host', 'http://'],
    ['a bare host', 'example.com/start'],
  ];
  for (const field of ['start_url', 'result_url'] as const) {
    for (const [label, url] of badUrls) {
      it(`create: ${field} ${label} → 422 ${field}`, async () => {
        await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), [field]: url } }), field);
      });
    }
    it(`update: ${field} javascript: → 422 ${field}, nothing changed`, async () => {
      const id = await campaign();
      await expectRejected(() => api.patch(`/api/campaigns/${id}?${field}=${encodeURIComponent('javascript:alert(1)')}`), field);
    });
  }
  it('create: start_url empty → 422 start_url', async () => {
    await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), start_url: '' } }), 'start_url');
  });
});

describe('phone lists', () => {
  const BAD = ['12345', 'tel:+11112223333', `tel:${usNumber(1)}; ani=`, `tel:${usNumber(2)}; foo=bar`, 'not a phone number', `tel:${usNumber(3)}; ani=12`];

  function expectLinesNamed(r: Reply, label: 'entry' | 'line', numbers: number[]): void {
    const messages: string[] = r.body.phone_numbers;
    expect(messages, r.text).toHaveLength(numbers.length);
    numbers.forEach((n, i) => expect(messages[i]).toMatch(new RegExp(`\\b${label} ${n}\\b`)));
  }

  it('create with invalid inline entries → 422 naming each bad entry; the campaign is not created', async () => {
    const list = [`tel:${usNumber(0)}`, ...BAD, `tel:${usNumber(4)}`];
    const r = await expectRejected(() => api.post('/api/campaigns', { json: { ...base(), phone_numbers: list } }), 'phone_numbers');
    expect(Object.keys(r.body)).toEqual(['phone_numbers']);
    expectLinesNamed(r, 'entry', [2, 3, 4, 5, 6, 7]);
    expect(r.body.phone_numbers[0]).toContain('12345');
  });

  it('create with a file with invalid lines → 422 naming each bad line (counting blank lines); nothing stored', async () => {
    const content = [`tel:${usNumber(0)}`, '', BAD[0], `tel:${usNumber(4)}`, BAD[1]].join('\n');
    const fd = new FormData();
    for (const [k, v] of Object.entries(base())) fd.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    fd.append('phone_numbers', new Blob([content]), 'bad.txt');
    const r = await expectRejected(() => api.post('/api/campaigns', { multipart: fd }), 'phone_numbers');
    expectLinesNamed(r, 'line', [3, 5]);
  });

  it('a CSV with invalid rows → 422 naming each bad line (the header is line 1); nothing stored', async () => {
    const content = `phone_number,ani,message_reference\n${usNumber(5)},,ok\n12345,,bad\n${usNumber(6)},999,bad-ani\n`;
    const fd = new FormData();
    for (const [k, v] of Object.entries(base())) fd.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    fd.append('phone_numbers', new Blob([content], { type: 'text/csv' }), 'bad.csv');
    const r = await expectRejected(() => api.post('/api/campaigns', { multipart: fd }), 'phone_numbers');
    expectLinesNamed(r, 'line', [3, 4]);
  });

  it('150 invalid lines → the first 100 are listed, with the count of the rest', async () => {
    const lines = [`tel:${usNumber(0)}`, ...Array.from({ length: 150 }, (_, i) => `bad-number-${i}`)];
    const fd = new FormData();
    for (const [k, v] of Object.entries(base())) fd.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    fd.append('phone_numbers', new Blob([lines.join('\n')]), 'many-bad.txt');
    const r = await expectRejected(() => api.post('/api/campaigns', { multipart: fd }), 'phone_numbers');
    const messages: string[] = r.body.phone_numbers;
    expect(messages, r.text).toHaveLength(101);
    for (let i = 0; i < 100; i++) expect(messages[i]).toMatch(new RegExp(`\\bline ${i + 2}\\b`));
    expect(messages[100]).toMatch(/\b50\b/);
    expect(messages[100]).not.toMatch(/\bline 102\b/);
  });

  it('add-calls with invalid entries → 422 naming them; not one call is added', async () => {
    const id = await campaign();
    const before = storedCalls(server.dbFile, id);
    const r = await expectRejected(() => api.post('/api/campaigns/add-calls', { json: { campaign_id: id, phone_numbers: [`tel:${usNumber(10)}`, 'tel:+1 (111) 222-3333', `tel:${usNumber(11)}`] } }), 'phone_numbers');
    expectLinesNamed(r, 'entry', [2]);
    expect(storedCalls(server.dbFile, id)).toStrictEqual(before);
  });

  it('add-calls with an uploaded file with one bad line among many good ones → 422; not one call is added', async () => {
    const id = await campaign();
    const before = storedCalls(server.dbFile, id);
    const lines = Array.from({ length: 60 }, (_, i) => usNumber(20 + i));
    lines.splice(42, 0, '+1 201 555');
    const fd = new FormData();
    fd.append('campaign_id', String(id));
    fd.append('phone_numbers', new Blob([lines.join('\r\n')]), 'mostly-good.txt');
    const r = await expectRejected(() => api.post('/api/campaigns/add-calls', { multipart: fd }), 'phone_numbers');
    expectLinesNamed(r, 'line', [43]);
    expect(storedCalls(server.dbFile, id)).toStrictEqual(before);
  });

  it('add-calls: missing phone_numbers → 422 phone_numbers; an empty list → 422 phone_numbers', async () => {
    const id = await campaign();
    await expectRejected(() => api.post('/api/campaigns/add-calls', { form: { campaign_id: String(id) } }), 'phone_numbers');
    await expectRejected(() => api.post('/api/campaigns/add-calls', { json: { campaign_id: id, phone_numbers: [] } }), 'phone_numbers');
  });

  it('add-calls, start, stop: missing or non-numeric campaign_id → 422 campaign_id', async () => {
    for (const p of ['/api/campaigns/add-calls', '/api/campaigns/start', '/api/campaigns/stop']) {
      const list = p.endsWith('add-calls') ? { phone_numbers: [usNumber(30)] } : {};
      await expectRejected(() => api.post(p, { json: list }), 'campaign_id');
      await expectRejected(() => api.post(p, { json: { ...list, campaign_id: 'abc' } }), 'campaign_id');
      await expectRejected(() => api.post(p, { form: { ...(p.endsWith('add-calls') && { phone_numbers: JSON.stringify([usNumber(30)]) }), campaign_id: '1.5' } }), 'campaign_id');
    }
  });
});

describe('malformed bodies', () => {
  const cases: Array<[string, string, string]> = [
    ['truncated JSON', '{"days": ["mon"', 'application/json'],
    ['JSON with a trailing comma', '{"days": ["mon"],}', 'application/json'],
    ['a JSON array instead of an object', '[{"days":["mon"]}]', 'application/json'],
    ['a JSON string', '"mon"', 'application/json'],
    ['plain words under a JSON content type', 'days=mon', 'application/json'],
    ['a multipart content type with a garbage body', 'garbage', 'multipart/form-data; boundary=XYZ'],
  ];
  for (const [label, body, type] of cases) {
    it(`${label} → 4xx JSON, never 5xx, nothing stored`, async () => {
      const before = snapshot();
      const r = await api.post('/api/schedules', { body, headers: { 'content-type': type } });
      expect(r.status, r.text).toBeGreaterThanOrEqual(400);
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.contentType).toMatch(/application\/json/);
      expect(r.body).toBeTypeOf('object');
      expect(snapshot()).toStrictEqual(before);
    });
  }
});

describe('unknown, non-numeric and deleted ids → 404 {"status":"error","error":...}', () => {
  const IDS = ['999999', 'abc', '1.5', '-1', '0', '1e3', '12abc'];
  const validBody: Record<string, Record<string, unknown>> = {
    schedules: { days: ['mon'] },
    profiles: { period: 5 },
    campaigns: { start_url: 'http://example.com/x' },
  };
  for (const resource of ['schedules', 'profiles', 'campaigns'] as const) {
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      it(`${method} /api/${resource}/{id} for ids ${IDS.join(', ')}`, async () => {
        const before = snapshot();
        for (const id of IDS) {
          const r = await api.request(method, `/api/${resource}/${id}`, method === 'DELETE' ? {} : { json: validBody[resource] });
          expect(r.status, `${method} ${resource}/${id}: ${r.text}`).toBe(404);
          expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
        }
        expect(snapshot()).toStrictEqual(before);
      });
    }
  }

  it('a deleted schedule / profile / campaign is a 404 afterwards', async () => {
    const s = await api.createSchedule(['mon'], uniq('gone'));
    const p = await api.createProfile({ nickname: uniq('gone') });
    expect((await api.delete(`/api/schedules/${s}`)).status).toBe(200);
    expect((await api.delete(`/api/profiles/${p}`)).status).toBe(200);
    for (const [m, path] of [['PATCH', `/api/schedules/${s}`], ['DELETE', `/api/schedules/${s}`], ['PUT', `/api/profiles/${p}`], ['DELETE', `/api/profiles/${p}`]] as const) {
      const r = await api.request(m, path, { json: {} });
      expect(r.status, `${m} ${path}`).toBe(404);
      expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
    }
    const c = await api.createCampaign(base());
    expect((await api.delete(`/api/campaigns/${c}`)).status).toBe(200);
    for (const r of [await api.patch(`/api/campaigns/${c}`, { json: { start_url: 'http://example.com/y' } }), await api.delete(`/api/campaigns/${c}`)]) {
      expect(r.status).toBe(404);
      expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
    }
  });

  for (const p of ['start', 'stop', 'add-calls'] as const) {
    it(`POST /api/campaigns/${p} with an unknown campaign_id → 404`, async () => {
      const before = snapshot();
      const r = await api.post(`/api/campaigns/${p}`, { form: { campaign_id: '999999', ...(p === 'add-calls' && { phone_numbers: JSON.stringify([usNumber(40)]) }) } });
      expect(r.status, r.text).toBe(404);
      expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
      expect(snapshot()).toStrictEqual(before);
    });
  }
});

describe('authentication → 401 {"status":"error","error":...}', () => {
  const concrete = (path: string) => path.replace('{id}', '1');
  const BAD_AUTH: Array<[string, Record<string, string> | null]> = [
    ['no Authorization header', null],
    ['an unknown bearer token', { authorization: 'Bearer cp_thisisnotarealtoken000000000000000000000' }],
    ['a malformed bearer token', { authorization: 'Bearer 3cbde128-32b6-47aa-9e62-6353f8b06812' }],
    ['Basic instead of Bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ];
  for (const [label, headers] of BAD_AUTH) {
    it(`all 18 operations with ${label}`, async () => {
      const before = snapshot();
      for (const op of OPERATIONS) {
        const r = await api.request(op.method, concrete(op.path), { token: null, headers: headers ?? {}, ...(op.method !== 'GET' && op.method !== 'DELETE' && { json: { days: ['mon'], campaign_id: 1 } }) });
        expect(r.status, `${op.method} ${op.path}: ${r.text}`).toBe(401);
        expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
      }
      expect(snapshot()).toStrictEqual(before);
    });
  }

  it('the valid token with extra characters appended → 401', async () => {
    const r = await api.get('/api/schedules', { token: `${token}x` });
    expect(r.status).toBe(401);
    expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
  });

  it('a revoked token → 401 on every operation (revoked with scripts/token.ts revoke PREFIX); other tokens keep working', async () => {
    const second = server.token('validation');
    const client = api.withToken(second);
    expect((await client.get('/api/schedules')).status).toBe(200);
    const list = await tokenCli(server.dbFile, ['list', '--account', 'validation'], 'tsx');
    expect(list.code, list.stderr).toBe(0);
    const prefix = prefixListedFor(list.stdout, second);
    expect(prefix, list.stdout).toBeDefined();
    const revoke = await tokenCli(server.dbFile, ['revoke', prefix!], 'tsx');
    expect(revoke.code, revoke.stderr).toBe(0);
    for (const op of OPERATIONS) {
      const r = await client.request(op.method, concrete(op.path));
      expect(r.status, `${op.method} ${op.path}: ${r.text}`).toBe(401);
      expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
    }
    expect((await api.get('/api/schedules')).status).toBe(200);
  });
});

describe('body size limits (MAX_BODY_BYTES=1000, MAX_UPLOAD_BYTES=2000) → 413', () => {
  let small: TestServer;
  let sapi: ApiClient;
  const count = () => ({ schedules: rowCount(small.dbFile, 'schedules'), campaigns: rowCount(small.dbFile, 'campaigns'), calls: rowCount(small.dbFile, 'calls') });
  const expect413 = (r: Reply) => {
    expect(r.status, r.text.slice(0, 300)).toBe(413);
    expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
  };

  beforeAll(async () => {
    small = await startTestServer({ env: { PACER: 'off', MAX_BODY_BYTES: '1000', MAX_UPLOAD_BYTES: '2000' } });
    sapi = new ApiClient(small.url, small.token('limits'));
    await sapi.createSchedule(['mon'], 'lim');
    await sapi.createProfile({ nickname: 'lim' });
  });
  afterAll(async () => {
    await small?.stop();
  });

  // Each over-limit request gets its own connection: see the keep-alive test at the end.
  const CLOSE = { connection: 'close' };
  const campaignFields = () => ({ ...base(), schedule: 'lim', profiles: JSON.stringify([{ profile: 'lim', start_time: '08:00', end_time: '11:00' }]) });

  it('a small request is fine (control)', async () => {
    const r = await sapi.post('/api/schedules', { json: { days: ['tue'], nickname: 'fits' } });
    expect(r.status, r.text).toBe(200);
  });

  it('a 1,500-byte JSON body → 413, nothing stored', async () => {
    const before = count();
    expect413(await sapi.post('/api/schedules', { json: { days: ['mon'], nickname: 'big', padding: 'x'.repeat(1500) }, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('a 1,500-byte urlencoded body → 413, nothing stored', async () => {
    const before = count();
    expect413(await sapi.post('/api/schedules', { form: { days: 'mon', nickname: 'big2', padding: 'x'.repeat(1500) }, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('a 1,500-byte JSON body sent chunked (no Content-Length) → 413, nothing stored', async () => {
    const before = count();
    const payload = new TextEncoder().encode(JSON.stringify({ days: ['mon'], nickname: 'big3', padding: 'x'.repeat(1500) }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < payload.length; i += 100) controller.enqueue(payload.slice(i, i + 100));
        controller.close();
      },
    });
    expect413(await sapi.post('/api/schedules', { body: stream, headers: { 'content-type': 'application/json', ...CLOSE } }));
    expect(count()).toStrictEqual(before);
  });

  it('a 1,500-byte multipart text field → 413', async () => {
    const before = count();
    const fd = new FormData();
    fd.append('days', '["mon"]');
    fd.append('nickname', 'n'.repeat(1500));
    expect413(await sapi.post('/api/schedules', { multipart: fd, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('an uploaded phone file of 2,100 bytes (over MAX_UPLOAD_BYTES; the request as a whole under both limits) → 413', async () => {
    const before = count();
    const fd = new FormData();
    fd.append('campaign_id', '1');
    const lines = Array.from({ length: 100 }, (_, i) => usNumber(i)).join('\n'); // 1,299 bytes
    const content = `${lines}\n${lines}`.slice(0, 2100);
    fd.append('phone_numbers', new Blob([content]), 'big.txt');
    expect413(await sapi.post('/api/campaigns/add-calls', { multipart: fd, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('Create Campaign with a 2,600-byte phone file → 413; the campaign is not created', async () => {
    const before = count();
    const fd = new FormData();
    for (const [k, v] of Object.entries(campaignFields())) fd.append(k, v as string);
    const lines = Array.from({ length: 100 }, (_, i) => usNumber(i)).join('\n');
    fd.append('phone_numbers', new Blob([`${lines}\n${lines.replace(/\+1201/g, '201')}`]), 'big.txt');
    expect413(await sapi.post('/api/campaigns', { multipart: fd, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('an upload far over both limits (50 kB) → 413', async () => {
    const before = count();
    const fd = new FormData();
    for (const [k, v] of Object.entries(campaignFields())) fd.append(k, v as string);
    fd.append('phone_numbers', new Blob(['x'.repeat(50_000)]), 'huge.txt');
    expect413(await sapi.post('/api/campaigns', { multipart: fd, headers: CLOSE }));
    expect(count()).toStrictEqual(before);
  });

  it('an uploaded file over MAX_BODY_BYTES but under MAX_UPLOAD_BYTES is accepted (the limits are separate)', async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(campaignFields())) fd.append(k, v as string);
    const lines = Array.from({ length: 100 }, (_, i) => usNumber(i)).join('\n'); // 1,299 bytes
    fd.append('phone_numbers', new Blob([lines]), 'fits.txt');
    const r = await sapi.post('/api/campaigns', { multipart: fd });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'success', added: 100, duplicates: 0 });
  });
  it('after a 413 the connection is closed, or it serves the next request — never left hanging', async () => {
    const token = sapi.token!;
    const request = (body: string, extra = '') =>
      `POST /api/schedules HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const next = request(JSON.stringify({ days: ['wed'] }));
    const big = JSON.stringify({ days: ['mon'], padding: 'x'.repeat(1500) });
    const chunked = `POST /api/schedules HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(big).toString(16)}\r\n${big}\r\n0\r\n\r\n`;

    // Control: two small requests on one connection are both answered.
    const control = await rawExchange(small.port, [next, next]);
    expect(control.map((o) => (o.kind === 'response' ? o.response.status : o.kind))).toEqual([200, 200]);

    for (const [label, first] of [
      ['Content-Length body over the limit', request(big)],
      ['chunked body over the limit', chunked],
    ] as const) {
      const [reply, after] = await rawExchange(small.port, [first, next]);
      expect(reply.kind === 'response' && reply.response.status, label).toBe(413);
      const keptAlive = reply.kind === 'response' && !/close/i.test(reply.response.headers.connection ?? '');
      expect(after?.kind, `${label}: the next request on the same connection (413 said Connection: ${reply.kind === 'response' ? reply.response.headers.connection : '?'})`).not.toBe('timeout');
      if (keptAlive && after?.kind === 'response') expect(after.response.status, label).toBe(200);
    }
  });
});

describe('server health', () => {
  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toEqual([]);
    expect(server.output()).not.toMatch(/"level":50/);
  });
});
