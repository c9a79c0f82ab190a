import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, serverErrorsSeen, startTestServer, usNumber } from '../support/api';
import { resultReceiver, waitFor } from '../support/pacer';
import { startServer, type TestServer } from '../support/server';

/**
 * Security: headers on every page and reply (and a CSP that does not break the dashboard in a
 * real browser), rate limits on bad tokens and passwords, no secret in any log line, and
 * RESULT_URL_DENY_PRIVATE. One server with LOG_LEVEL=debug so every log line is captured.
 */

let server: TestServer;
let api: ApiClient;
let token: string;
const PASSWORD = 'correct horse battery staple';
let sessionCookie = '';
const servers: TestServer[] = [];

/** Each test acts as its own client (X-Forwarded-For), so one test's failures never limit another's. */
let clientSeq = 0;
const asClient = () => ({ 'x-forwarded-for': `203.0.113.${++clientSeq}` });

beforeAll(async () => {
  server = await startTestServer({ env: { PACER: 'off', LOG_LEVEL: 'debug', METRICS_TOKEN: 'metrics-secret-value-123' } });
  servers.push(server);
  token = server.token('acme');
  api = new ApiClient(server.url, token);
  const setup = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...asClient() },
    body: JSON.stringify({ account_name: 'acme', email: 'owner@example.com', password: PASSWORD }),
  });
  expect(setup.status, await setup.clone().text()).toBe(200);
  sessionCookie = setup.headers.get('set-cookie')!.split(';')[0];
}, 180_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
});

const PAGES = ['/', '/campaigns', '/campaigns/new', '/schedules', '/profiles', '/tokens', '/users', '/docs', '/sign-in', '/setup'];

function expectSecurityHeaders(h: Headers, what: string): void {
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(h.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  it('every page carries CSP (per-request nonce), frame-ancestors, nosniff and referrer-policy', async () => {
    const nonces = new Set<string>();
    for (const p of [...PAGES, '/no-such-page']) {
      for (let i = 0; i < 2; i++) {
        const r = await fetch(server.url + p, { headers: { cookie: sessionCookie }, redirect: 'manual' });
        expectSecurityHeaders(r.headers, p);
        const csp = r.headers.get('content-security-policy')!;
        expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
        const scriptSrc = /script-src ([^;]*)/.exec(csp)![1];
        expect(scriptSrc).not.toContain("'unsafe-inline'");
        expect(scriptSrc).not.toContain("'unsafe-eval'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("base-uri 'self'");
        nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
        await r.arrayBuffer();
      }
    }
    expect(nonces.size).toBe((PAGES.length + 1) * 2); // fresh every time
  });

  it('API replies (success, error, health, metrics, openapi) and static files carry them too', async () => {
    const checks: Array<[string, RequestInit]> = [
      ['/api/schedules', { headers: { authorization: `Bearer ${token}` } }],
      ['/api/schedules', {}], // 401
      ['/api/campaigns/999999', { headers: { authorization: `Bearer ${token}` } }], // 404
      ['/api/health', {}],
      ['/api/metrics', { headers: { authorization: 'Bearer metrics-secret-value-123' } }],
      ['/api/openapi.json', {}],
    ];
    for (const [p, init] of checks) {
      const r = await fetch(server.url + p, { ...init, headers: { ...(init.headers as Record<string, string>), ...asClient() } });
      expectSecurityHeaders(r.headers, p);
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      await r.arrayBuffer();
    }
    const html = await (await fetch(`${server.url}/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const r = await fetch(server.url + asset!);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    });
    afterAll(async () => browser?.close());

    it('every page loads and hydrates with no blocked script or style', async () => {
      const context = await browser.newContext();
      const [name, value] = sessionCookie.split('=');
      await context.addCookies([{ name, value, url: server.url }]);
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const report: Record<string, string[]> = {};
      for (const p of PAGES) {
        const page = await context.newPage();
        const response = await page.goto(server.url + p, { waitUntil: 'load' });
        expect(response?.status(), p).toBe(200);
        // window.next is set by Next's client runtime once it has booted (hydration ran); a
        // blocked script would leave it unset.
        await page.waitForFunction(() => typeof (window as unknown as { next?: unknown }).next === 'object', null, { timeout: 15_000 });
        await page.waitForTimeout(300); // late chunks and their violations, if any
        const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        // zod 4 probes `new Function('')` once to pick its fast path and falls back when CSP
        // refuses: a report, not a failure (lib/schemas/zod.ts can set jitless in the browser).
        report[p] = violations.filter((v) => !/^script-src eval\b/.test(v));
        await page.close();
      }
      expect(report).toStrictEqual(Object.fromEntries(PAGES.map((p) => [p, []])));
      await context.close();
    });

    it('cannot be framed by another origin', async () => {
      const page = await browser.newPage();
      await page.setContent(`<iframe id="f" src="${server.url}/sign-in"></iframe>`);
      await page.waitForTimeout(1_000);
      const frame = page.frames().find((f) => f.url().includes('/sign-in'));
      // Chromium swaps a refused frame for an error page: no frame with our document in it.
      const body = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
      expect(body).not.toContain('Sign in');
      await page.close();
    });
  });
});

describe('rate limiting', () => {
  it('repeated bad bearer tokens from one client get 429 with Retry-After, and that client is held off', async () => {
    const client = asClient();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 23; i++) {
      const r = await fetch(`${server.url}/api/schedules`, { headers: { authorization: `Bearer cp_wrong${i}xxxxxxxxxxxxxxxx`, ...client } });
      statuses.push(r.status);
      retryAfter = r.headers.get('retry-after') ?? retryAfter;
      await r.arrayBuffer();
    }
    expect(statuses.slice(0, 20)).toStrictEqual(new Array(20).fill(401));
    expect(statuses.slice(20)).toStrictEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // While held off, even a valid token from that client waits (guessing gets no answer at all)…
    const held = await fetch(`${server.url}/api/schedules`, { headers: { authorization: `Bearer ${token}`, ...client } });
    expect(held.status).toBe(429);
    expect(await held.json()).toStrictEqual({ status: 'error', error: expect.any(String) });
    // …while every other client is unaffected.
    const other = await fetch(`${server.url}/api/schedules`, { headers: { authorization: `Bearer ${token}`, ...asClient() } });
    expect(other.status).toBe(200);
  });

  it('a flood of bad tokens from rotating addresses turns further failures into 429, never valid requests', async () => {
    let last = 0;
    for (let i = 0; i < 210; i++) {
      const r = await fetch(`${server.url}/api/schedules`, { headers: { authorization: 'Bearer cp_floodfloodflood', ...asClient() } });
      last = r.status;
      await r.arrayBuffer();
    }
    expect(last).toBe(429);
    const valid = await fetch(`${server.url}/api/schedules`, { headers: { authorization: `Bearer ${token}`, ...asClient() } });
    expect(valid.status).toBe(200);
  });

  it('repeated bad passwords for one email are refused with 429', async () => {
    const client = asClient();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...client },
        body: JSON.stringify({ email: 'owner@example.com', password: `wrong-password-${i}` }),
      });
      statuses.push(r.status);
      await r.arrayBuffer();
    }
    expect(statuses.slice(0, 10)).toStrictEqual(new Array(10).fill(401));
    expect(statuses.slice(10)).toStrictEqual([429, 429]);
  });
});

describe('no secrets in logs', () => {
  it('tokens, passwords, session cookies and metrics token never appear in any log line', async () => {
    const client = asClient();
    // Exercise everything that handles a secret: valid and invalid tokens, a new token, sign-in,
    // sign-out, session requests, a token in a query string, errors (422/404/401).
    const made = await api.post('/api/tokens', { json: { label: 'log-check' }, headers: client });
    expect(made.status, made.text).toBe(200);
    const newToken: string = made.body.response.token;
    await new ApiClient(server.url, newToken).get('/api/campaigns', { headers: client });
    const badToken = 'cp_NotARealTokenButSecretLooking0123456789';
    await api.get('/api/schedules', { token: badToken, headers: client });
    await api.post('/api/schedules', { json: { days: ['nope'] }, headers: client });
    await api.get(`/api/schedules?access_token=${token}`, { headers: client });
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asClient() },
      body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    await fetch(`${server.url}/api/schedules`, { headers: { cookie, ...client } });
    await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asClient() },
      body: JSON.stringify({ email: 'owner@example.com', password: 'a-wrong-password-value' }),
    });
    await fetch(`${server.url}/api/metrics`, { headers: { authorization: 'Bearer metrics-secret-value-123' } });
    await fetch(`${server.url}/api/metrics`, { headers: { authorization: 'Bearer wrong-metrics-token-456' } });
    await new Promise((r) => setTimeout(r, 500)); // let stdout drain

    const out = server.output();
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(10);
    const secrets = [token, newToken, badToken, PASSWORD, 'a-wrong-password-value', cookie.split('=')[1], sessionCookie.split('=')[1], 'metrics-secret-value-123', 'wrong-metrics-token-456'];
    for (const s of secrets) expect(out.includes(s), `a secret (${s.slice(0, 6)}…) is in the server output`).toBe(false);
    expect(out).not.toMatch(/cp_[A-Za-z0-9_-]{20,}/);
    expect(out).not.toMatch(/authorization|cookie/i);
  });

  it('each request is one JSON line with method, path, status, duration and a request id that the reply also carries', async () => {
    const r = await fetch(`${server.url}/api/schedules?x=1`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-abc-12345', ...asClient() } });
    expect(r.headers.get('x-request-id')).toBe('trace-abc-12345');
    const own = await fetch(`${server.url}/api/profiles`, { headers: { authorization: `Bearer ${token}`, ...asClient() } });
    const id = own.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 300));
    const line = server
      .output()
      .split('\n')
      .filter((l) => l.includes('trace-abc-12345'))
      .map((l) => JSON.parse(l));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/api/schedules', status: 200, reqId: 'trace-abc-12345' });
    expect(typeof line[0].ms).toBe('number');
    // Exactly these fields: no headers, query string, body or token.
    expect(Object.keys(line[0]).sort()).toStrictEqual(['level', 'method', 'ms', 'msg', 'path', 'reqId', 'service', 'status', 'time']);
    expect(server.output().split('\n').filter((l) => l.includes(id))).toHaveLength(1);
  });
});

describe('RESULT_URL_DENY_PRIVATE', () => {
  const campaign = (o: Record<string, unknown>) => ({
    start_date: '2030-01-01',
    end_date: '2030-01-02',
    schedule: 'weekdays',
    profiles: [{ profile: 'pace', start_time: '09:00', end_time: '17:00' }],
    start_url: 'https://voice.example.com/start',
    phone_numbers: [usNumber(1)],
    ...o,
  });

  it('off by default: loopback result_url and start_url are accepted (self-hosting)', async () => {
    await api.createSchedule(['mon', 'tue'], 'weekdays');
    await api.createProfile({ nickname: 'pace' });
    const r = await api.post('/api/campaigns', { json: campaign({ result_url: 'http://127.0.0.1:9/results', start_url: 'http://localhost/start' }) });
    expect(r.status, r.text).toBe(200);
  });

  it('=1 refuses loopback, private and link-local literals and localhost with 422 naming the field; public targets pass', async () => {
    const hosted = await startServer({ env: { PACER: 'off', RESULT_URL_DENY_PRIVATE: '1' } });
    servers.push(hosted);
    const h = new ApiClient(hosted.url, hosted.token('tenant'));
    await h.createSchedule(['mon'], 'weekdays');
    await h.createProfile({ nickname: 'pace' });
    const refused: Array<[string, string]> = [
      ['result_url', 'http://127.0.0.1:8080/results'],
      ['result_url', 'http://localhost/results'],
      ['result_url', 'http://[::1]/results'],
      ['result_url', 'http://10.0.0.8/results'],
      ['result_url', 'http://192.168.1.20/results'],
      ['result_url', 'http://169.254.169.254/latest/meta-data/'],
      ['result_url', 'http://2130706433/'],
      ['result_url', 'http://[::ffff:127.0.0.1]/'],
      ['start_url', 'http://127.0.0.1/start.vxml'],
      ['start_url', 'https://api.localhost/start'],
    ];
    for (const [field, url] of refused) {
      const r = await h.post('/api/campaigns', { json: campaign({ [field]: url }) });
      expect(r.status, `${field}=${url}: ${r.text}`).toBe(422);
      expect(Object.keys(r.body)).toContain(field);
    }
    const ok = await h.post('/api/campaigns', { json: campaign({ result_url: 'https://hooks.example.com/results' }) });
    expect(ok.status, ok.text).toBe(200);
    const patched = await h.patch(`/api/campaigns/${ok.body.response.id}`, { json: { result_url: 'http://172.16.0.1/' } });
    expect(patched.status).toBe(422);
    expect(await h.list('/api/campaigns')).toHaveLength(1);
  });

  it('=1 also refuses at delivery time: a result_url that resolves to a private address is never POSTed to', async () => {
    // A campaign stored before the option was turned on points at a live local receiver; the
    // host's own name (resolved through /etc/hosts, no network needed) passes validation but not
    // the delivery-time check.
    const receiver = await resultReceiver();
    await receiver.listen();
    try {
      const first = await startServer({ env: { SIM_CALL_SECONDS: '0', RESULT_RETRY_BASE_MS: '100', RESULT_RETRY_MAX_MS: '200', RESULT_MAX_ATTEMPTS: '2' } });
      servers.push(first);
      const a = new ApiClient(first.url, first.token('selfhost'));
      const { openWindow, pacedCampaign, startCampaign } = await import('../support/pacer');
      const id = await pacedCampaign(a, { window: await openWindow(2), profile: { period: 1, amount_per_period: 600, time_between_periods: 0 }, calls: 3, resultUrl: receiver.url });
      await first.stop('SIGKILL');
      const hosted = await startServer({ dbFile: first.dbFile, env: { RESULT_URL_DENY_PRIVATE: '1', SIM_CALL_SECONDS: '0', RESULT_RETRY_BASE_MS: '100', RESULT_RETRY_MAX_MS: '200', RESULT_MAX_ATTEMPTS: '2' } });
      servers.push(hosted);
      const h = new ApiClient(hosted.url, a.token);
      // The host name passes validation (not a literal) when it is not "localhost".
      const name = os.hostname();
      if (name && name !== 'localhost' && !/^[\d.]+$/.test(name)) {
        const r = await h.patch(`/api/campaigns/${id}`, { json: { result_url: `http://${name}:${receiver.port}/results` } });
        expect(r.status, r.text).toBe(200);
      }
      await startCampaign(h, id);
      const dead = await waitFor(
        'deliveries to go dead',
        async () => {
          const d = (await h.get(`/api/campaigns/${id}/deliveries?limit=100`)).body?.deliveries ?? [];
          return d.length === 3 && d.every((x: { status: string }) => x.status === 'dead') ? d : undefined;
        },
        30_000,
      );
      for (const d of dead) expect(d.last_error).toMatch(/private, loopback or link-local/);
      expect(receiver.results).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});

describe('metrics access', () => {
  it('METRICS_TOKEN set: /api/metrics needs it (401 without), and answers Prometheus text with it', async () => {
    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/metrics`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const r = await fetch(`${server.url}/api/metrics`, { headers: { authorization: 'Bearer metrics-secret-value-123' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await r.text();
    for (const m of ['callpace_calls{status="queued"}', 'callpace_queue_depth', 'callpace_dials_per_second', 'callpace_pacer_tick_duration_ms_bucket', 'callpace_outbox_pending', 'callpace_outbox_dead'])
      expect(text).toContain(m);
  });
});

it('no request in this file was answered with a 5xx', () => {
  expect(serverErrorsSeen()).toStrictEqual([]);
  expect(fs.existsSync(server.dbFile)).toBe(true);
});
