import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, readDb, serverErrorsSeen, startTestServer, usNumber, type Reply } from '../support/api';
import { ROOT, type TestServer } from '../support/server';

/**
 * The isolation matrix: every API route file × every method, called by account B with account
 * A's ids, over both bearer-token and session-cookie authentication. Each must answer 404
 * (405 for a method the route does not have), exactly as for an id that does not exist, and A's
 * rows — every table — must be byte-for-byte unchanged afterwards.
 *
 * Routes are discovered from app/api/**\/route.ts, so a new route joins the matrix by itself;
 * one whose ids this file does not know how to fill fails the "every route is covered" test.
 */

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Routes that are not account-scoped (or have no ids to steal), and why. */
const NOT_SCOPED: Record<string, string> = {
  '/api/auth/me': 'the caller’s own session',
  '/api/auth/setup': 'first-run only (409 once a user exists)',
  '/api/auth/sign-in': 'credentials, not ids',
  '/api/auth/sign-out': 'the caller’s own session',
  '/api/health': 'public, no data',
  '/api/metrics': 'aggregate counts, no ids',
  '/api/openapi.json': 'public document',
  '/api/dialer/callback': 'authenticated by a per-call signed token, not an account',
};

interface Route {
  path: string; // e.g. /api/campaigns/[id]/calls
  methods: Set<Method>;
}

function discoverRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'route.ts') {
        const src = fs.readFileSync(p, 'utf8');
        const methods = new Set<Method>();
        for (const m of METHODS) if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(src)) methods.add(m);
        out.push({ path: '/' + path.relative(path.join(ROOT, 'app'), path.dirname(p)).split(path.sep).join('/'), methods });
      }
    }
  };
  walk(path.join(ROOT, 'app', 'api'));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

let server: TestServer;
let a: ApiClient;
let b: ApiClient;
let bCookie: string;
const A = { schedule: 0, profile: 0, campaign: 0, delivery: 0, token: 0, scheduleName: 'a-sched', profileName: 'a-prof' };
const B = { schedule: 0, profile: 0, campaign: 0 };

/** Every row that belongs to account A, in every table, as stored. */
function aRows(): Record<string, unknown[]> {
  return readDb(server.dbFile, (db) => {
    const acc = db.prepare("SELECT id FROM accounts WHERE name = 'alice'").pluck().get() as number;
    const q = (sql: string) => db.prepare(sql).all(acc);
    return {
      accounts: q('SELECT * FROM accounts WHERE id = ?'),
      schedules: q('SELECT * FROM schedules WHERE account_id = ? ORDER BY id'),
      profiles: q('SELECT * FROM profiles WHERE account_id = ? ORDER BY id'),
      campaigns: q('SELECT * FROM campaigns WHERE account_id = ? ORDER BY id'),
      campaign_profiles: q('SELECT cp.* FROM campaign_profiles cp JOIN campaigns c ON c.id = cp.campaign_id WHERE c.account_id = ? ORDER BY cp.id'),
      calls: q('SELECT k.* FROM calls k JOIN campaigns c ON c.id = k.campaign_id WHERE c.account_id = ? ORDER BY k.id'),
      result_deliveries: q('SELECT d.* FROM result_deliveries d JOIN campaigns c ON c.id = d.campaign_id WHERE c.account_id = ? ORDER BY d.id'),
      api_tokens: q('SELECT * FROM api_tokens WHERE account_id = ? ORDER BY id'),
      users: q('SELECT * FROM users WHERE account_id = ? ORDER BY id'),
    };
  });
}

beforeAll(async () => {
  server = await startTestServer({ env: { PACER: 'off', AUTH_FAILURE_LIMIT: '1000' } });
  a = new ApiClient(server.url, server.token('alice'));
  b = new ApiClient(server.url, server.token('bob'));

  A.schedule = await a.createSchedule(['mon', 'tue'], A.scheduleName);
  A.profile = await a.createProfile({ nickname: A.profileName });
  const campaign = (schedule: number, profile: number, n: number) => ({
    start_date: '2030-01-01',
    end_date: '2030-01-31',
    schedule,
    profiles: [{ profile, start_time: '08:00', end_time: '11:00' }],
    start_url: 'http://example.com/start',
    result_url: 'http://example.com/results',
    phone_numbers: [usNumber(n), usNumber(n + 1)],
  });
  A.campaign = await a.createCampaign(campaign(A.schedule, A.profile, 0));
  const started = await a.post('/api/campaigns/start', { json: { campaign_id: A.campaign } });
  expect(started.status, started.text).toBe(200);
  const made = await a.post('/api/tokens', { json: { label: 'second' } });
  expect(made.status, made.text).toBe(200);
  A.token = made.body.response.token_id;

  // A dead delivery of A's (replayable): written directly, as the pacer is off.
  const db = new Database(server.dbFile);
  try {
    const call = db.prepare('SELECT id FROM calls WHERE campaign_id = ? ORDER BY id LIMIT 1').pluck().get(A.campaign) as number;
    A.delivery = Number(
      db
        .prepare("INSERT INTO result_deliveries (campaign_id, call_id, url, payload, status, attempts, next_attempt_at, last_error) VALUES (?, ?, ?, ?, 'dead', 25, ?, 'HTTP 500')")
        .run(A.campaign, call, 'http://example.com/results', '{"call_id":1}', Date.now()).lastInsertRowid,
    );
  } finally {
    db.close();
  }

  B.schedule = await b.createSchedule(['sun'], 'b-sched');
  B.profile = await b.createProfile({ nickname: 'b-prof' });
  B.campaign = await b.createCampaign(campaign(B.schedule, B.profile, 10));

  // B's dashboard user, for the session-cookie half of the matrix.
  const user = await b.post('/api/users', { json: { email: 'bob@example.com', password: 'bob-password-123' } });
  expect(user.status, user.text).toBe(200);
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@example.com', password: 'bob-password-123' }) });
  expect(signIn.status).toBe(200);
  bCookie = signIn.headers.get('set-cookie')!.split(';')[0];
}, 180_000);

afterAll(async () => server?.stop());

/** The path with A's id (or a missing id) in place of [id]. */
function fill(route: string, which: 'A' | 'missing'): string | null {
  const id = (kind: keyof typeof A) => (which === 'A' ? A[kind] : 987654);
  if (route.startsWith('/api/schedules/[id]')) return route.replace('[id]', String(id('schedule')));
  if (route.startsWith('/api/profiles/[id]')) return route.replace('[id]', String(id('profile')));
  if (route.startsWith('/api/campaigns/[id]')) return route.replace('[id]', String(id('campaign')));
  if (route.startsWith('/api/deliveries/[id]')) return route.replace('[id]', String(id('delivery')));
  if (route.startsWith('/api/tokens/[id]')) return route.replace('[id]', String(id('token')));
  return route.includes('[') ? null : route;
}

/** A body that would change A's row if B were let in: every field the route takes. */
function bodyFor(route: string, which: 'A' | 'missing'): Record<string, unknown> {
  const campaignId = which === 'A' ? A.campaign : 987654;
  if (/^\/api\/campaigns\/(start|stop|add-calls)$/.test(route)) return { campaign_id: campaignId, phone_numbers: [usNumber(50)] };
  if (route.startsWith('/api/schedules/')) return { nickname: 'pwned', days: ['sun'] };
  if (route.startsWith('/api/profiles/')) return { nickname: 'pwned', period: 5, amount_per_period: 1, time_between_periods: 0 };
  if (route.startsWith('/api/campaigns/[id]'))
    return { end_date: '2030-01-02', result_url: 'http://evil.example/steal', schedule: B.schedule, profiles: [{ profile: B.profile, start_time: '01:00', end_time: '02:00' }] };
  return {};
}

/** Routes whose ids come in the body rather than the path. */
const BODY_ID_ROUTES = new Set(['/api/campaigns/start', '/api/campaigns/stop', '/api/campaigns/add-calls']);

type Auth = 'bearer' | 'session';
async function asB(auth: Auth, method: Method, p: string, body: Record<string, unknown>): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (auth === 'session') {
    headers.cookie = bCookie;
    headers.origin = server.url; // a same-origin browser write (CSRF check passes)
  }
  return b.request(method, p, { ...(method === 'GET' || method === 'DELETE' ? {} : { json: body }), headers, token: auth === 'bearer' ? b.token : null });
}

const normalise = (text: string) => text.replace(/\d+/g, 'N');

describe('isolation matrix', () => {
  const routes = discoverRoutes();

  it('every account-scoped route is covered (a new route must be added here)', () => {
    const unknown = routes.filter((r) => !NOT_SCOPED[r.path] && fill(r.path, 'A') === null);
    expect(unknown.map((r) => r.path)).toStrictEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  for (const auth of ['bearer', 'session'] as const) {
    it(`B (${auth}) gets 404 — same as a missing id — for every method on every route naming A's ids; 405 where the route has no such method`, async () => {
      const before = aRows();
      const table: string[] = [];
      for (const route of routes) {
        if (NOT_SCOPED[route.path]) continue;
        const takesId = route.path.includes('[id]') || BODY_ID_ROUTES.has(route.path);
        if (!takesId) continue;
        for (const method of METHODS) {
          const r = await asB(auth, method, fill(route.path, 'A')!, bodyFor(route.path, 'A'));
          table.push(`${method} ${route.path} → ${r.status}`);
          if (!route.methods.has(method)) {
            expect(r.status, `${method} ${route.path}`).toBe(405);
            continue;
          }
          expect(r.status, `${method} ${route.path}: ${r.text}`).toBe(404);
          expect(r.body).toStrictEqual({ status: 'error', error: expect.any(String) });
          const missing = await asB(auth, method, fill(route.path, 'missing')!, bodyFor(route.path, 'missing'));
          expect(missing.status).toBe(404);
          expect(normalise(r.text), `${method} ${route.path}: A's id must look exactly like a missing one`).toBe(normalise(missing.text));
        }
      }
      expect(table.length).toBeGreaterThanOrEqual(40);
      expect(aRows()).toStrictEqual(before);
    });

    it(`B (${auth}) cannot reach A's rows through its own requests: lists, creates and updates naming A's schedule/profile`, async () => {
      const before = aRows();
      for (const list of ['/api/schedules', '/api/profiles', '/api/campaigns', '/api/tokens', '/api/users']) {
        const r = await asB(auth, 'GET', list, {});
        expect(r.status, list).toBe(200);
        const text = r.text;
        expect(text).not.toContain(A.scheduleName);
        expect(text).not.toContain(A.profileName);
        const ids = (Array.isArray(r.body) ? r.body : []).map((x: Record<string, unknown>) => x.schedule_id ?? x.profile_id ?? x.campaign_id ?? x.token_id ?? x.user_id);
        const aIds = { '/api/schedules': A.schedule, '/api/profiles': A.profile, '/api/campaigns': A.campaign, '/api/tokens': A.token } as Record<string, number>;
        if (aIds[list]) expect(ids).not.toContain(aIds[list]);
      }
      // PATCH /api/campaigns (no id) lists B's campaigns and changes nothing.
      for (const m of ['PATCH', 'PUT'] as const) {
        const r = await asB(auth, m, '/api/campaigns', { end_date: '2030-01-03' });
        expect(r.status).toBe(200);
        expect(r.body.map((c: { campaign_id: number }) => c.campaign_id)).toStrictEqual([B.campaign]);
      }
      const namingA: Array<[string, Record<string, unknown>]> = [
        ['schedule id', { schedule: A.schedule, profiles: [{ profile: B.profile, start_time: '08:00', end_time: '09:00' }] }],
        ['schedule nickname', { schedule: A.scheduleName, profiles: [{ profile: B.profile, start_time: '08:00', end_time: '09:00' }] }],
        ['profile id', { schedule: B.schedule, profiles: [{ profile: A.profile, start_time: '08:00', end_time: '09:00' }] }],
        ['profile nickname', { schedule: B.schedule, profiles: [{ profile: A.profileName, start_time: '08:00', end_time: '09:00' }] }],
      ];
      for (const [label, fields] of namingA) {
        const create = await asB(auth, 'POST', '/api/campaigns', { start_date: '2030-01-01', end_date: '2030-01-02', start_url: 'http://example.com/s', phone_numbers: [usNumber(60)], ...fields });
        expect([404, 422], `create naming A's ${label}: ${create.text}`).toContain(create.status);
        const update = await asB(auth, 'PATCH', `/api/campaigns/${B.campaign}`, fields);
        expect([404, 422], `update naming A's ${label}: ${update.text}`).toContain(update.status);
      }
      expect((await asB(auth, 'GET', '/api/campaigns', {})).body).toHaveLength(1);
      expect(aRows()).toStrictEqual(before);
    });
  }

  it("A's own requests still work afterwards (its token, the second token, its campaign)", async () => {
    expect((await a.get(`/api/campaigns/${A.campaign}`)).status).toBe(200);
    expect((await a.get(`/api/campaigns/${A.campaign}/calls`)).status).toBe(200);
    const tokens = await a.get('/api/tokens');
    expect(tokens.body.find((t: { token_id: number }) => t.token_id === A.token)?.revoked_at).toBeNull();
  });

  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toStrictEqual([]);
  });
});
