import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, startServer, type StartOptions, type TestServer } from './server';

/**
 * Helpers for the API tests: a fetch client that records every status it sees (so a file can
 * assert that no request ever got a 5xx), real curl through `bash -c`, and read-only access to
 * the server's SQLite file for checks the API cannot express (queue order, row counts).
 */

// Replies are asserted field by field with `expect`, so their bodies are deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Reply {
  status: number;
  text: string;
  body: Body;
  headers: Headers;
  contentType: string;
}

export type FormFields = Record<string, string | string[]> | Array<[string, string]>;

export interface RequestOptions {
  /** A JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** An application/x-www-form-urlencoded body. */
  form?: FormFields;
  /** A multipart/form-data body. */
  multipart?: FormData;
  /** A raw body; set the content type in `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Overrides the client's token; null sends no Authorization header. */
  token?: string | null;
}

/** Every status any client got in this process, with the request that got it. */
export const seenStatuses: Array<{ method: string; path: string; status: number }> = [];

export function serverErrorsSeen(): Array<{ method: string; path: string; status: number }> {
  return seenStatuses.filter((s) => s.status >= 500);
}

function formBody(fields: FormFields): URLSearchParams {
  const params = new URLSearchParams();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [k, v] of entries) params.append(k, v);
  return params;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
  ) {}

  withToken(token: string | null): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request(method: string, urlPath: string, opts: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? this.token : opts.token;
    if (token !== null) headers.authorization ??= `Bearer ${token}`;
    let body: BodyInit | undefined = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    } else if (opts.form !== undefined) {
      body = formBody(opts.form).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (opts.multipart !== undefined) {
      body = opts.multipart;
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const res = await fetch(this.baseUrl + urlPath, init);
    const text = await res.text();
    let parsed: Body = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    seenStatuses.push({ method, path: urlPath, status: res.status });
    return { status: res.status, text, body: parsed, headers: res.headers, contentType: res.headers.get('content-type') ?? '' };
  }

  get(p: string, opts?: RequestOptions) {
    return this.request('GET', p, opts);
  }
  post(p: string, opts?: RequestOptions) {
    return this.request('POST', p, opts);
  }
  patch(p: string, opts?: RequestOptions) {
    return this.request('PATCH', p, opts);
  }
  put(p: string, opts?: RequestOptions) {
    return this.request('PUT', p, opts);
  }
  delete(p: string, opts?: RequestOptions) {
    return this.request('DELETE', p, opts);
  }

  /** GET a list and insist it is a 200 bare array. */
  async list(p: '/api/schedules' | '/api/profiles' | '/api/campaigns'): Promise<Body[]> {
    const r = await this.get(p);
    if (r.status !== 200 || !Array.isArray(r.body)) throw new Error(`GET ${p} → ${r.status} ${r.text}`);
    return r.body;
  }

  /** Creates a schedule (JSON) and returns its id; throws unless the reply is a 200 success. */
  async createSchedule(days: string[], nickname?: string): Promise<number> {
    return idOf(await this.post('/api/schedules', { json: { days, ...(nickname !== undefined && { nickname }) } }), 'schedule');
  }

  async createProfile(fields: { period?: number; amount_per_period?: number; time_between_periods?: number; nickname?: string } = {}): Promise<number> {
    return idOf(await this.post('/api/profiles', { json: { period: 30, amount_per_period: 100, time_between_periods: 10, ...fields } }), 'profile');
  }

  async createCampaign(fields: Record<string, unknown>): Promise<number> {
    return idOf(await this.post('/api/campaigns', { json: fields }), 'campaign');
  }

  /** Everything GET shows for this account, minus fields that move with the clock. */
  async state(): Promise<{ schedules: Body[]; profiles: Body[]; campaigns: Body[] }> {
    const [schedules, profiles, campaigns] = await Promise.all([this.list('/api/schedules'), this.list('/api/profiles'), this.list('/api/campaigns')]);
    return { schedules, profiles, campaigns: campaigns.map(({ next_dial_at: _ignored, ...c }: Body) => c) };
  }
}

export function idOf(r: Reply, what: string): number {
  if (r.status !== 200 || r.body?.status !== 'success' || typeof r.body?.response?.id !== 'number')
    throw new Error(`creating a ${what} failed: ${r.status} ${r.text}`);
  return r.body.response.id;
}

/** A 422 field map: `{"field": ["message", ...]}` with at least one message per key. */
export function isFieldErrorMap(body: Body): boolean {
  return (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Object.keys(body).length > 0 &&
    Object.values(body).every((v) => Array.isArray(v) && v.length > 0 && v.every((m) => typeof m === 'string' && m.length > 0))
  );
}

/** The keys of a 422 map that name `field`: the key itself or a nested path under it (`profiles.0.end_time`). */
export function keysNaming(body: Body, field: string): string[] {
  if (!isFieldErrorMap(body)) return [];
  return Object.keys(body).filter((k) => k === field || k.startsWith(`${field}.`) || k.startsWith(`${field}[`));
}

/**
 * startServer, but first waits (up to 10 minutes) while another engineer's `next build` has
 * removed .next/BUILD_ID, instead of failing the whole file at once.
 */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const deadline = Date.now() + 600_000;
  while (!fs.existsSync(buildId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
  return startServer(options);
}

// ---------------------------------------------------------------------------------------------
// Early replies

export interface EarlyReply {
  status: number;
  text: string;
  body: Body;
  /** EPIPE / ECONNRESET when the server closed while the body was still being written. */
  writeError: string | null;
}

/**
 * Sends a body the server may refuse before reading it all (413), the way curl does: the reply
 * is read as soon as it arrives, and a write error after a complete reply (the server closed
 * the connection, so the rest of the body cannot be sent) is recorded, not thrown. fetch
 * (undici) instead rejects such a request with EPIPE and drops the reply it already received.
 * A write error before a complete reply still rejects: that would be a server defect.
 */
export function sendReadingEarlyReply(
  url: string,
  init: { method: string; headers: Record<string, string>; body: Uint8Array; timeoutMs?: number },
): Promise<EarlyReply> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, 'content-length': String(init.body.length) };
    const request = http.request(url, { method: init.method, headers, agent: false, timeout: init.timeoutMs ?? 60_000 });
    let complete: Omit<EarlyReply, 'writeError'> | null = null;
    let writeError: string | null = null;
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Body = undefined;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        complete = { status: response.statusCode ?? 0, text, body };
        seenStatuses.push({ method: init.method, path: new URL(url).pathname, status: complete.status });
        // Give a write error racing the reply's end a moment to show, so it is reported.
        setImmediate(() => resolve({ ...complete!, writeError }));
      });
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (e: Error & { code?: string }) => {
      // The reply may already be complete, or still arriving: 'close' below decides.
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') writeError = e.code;
      else reject(e);
    });
    request.on('close', () => {
      if (complete === null) setImmediate(() => complete === null && reject(new Error(`connection closed without a complete reply (${writeError ?? 'no error'})`)));
    });
    request.end(init.body);
  });
}

// ---------------------------------------------------------------------------------------------
// curl

export interface CurlResponse {
  status: number;
  text: string;
  body: Body;
}

export interface CurlResult extends CurlResponse {
  /** One entry per URL curl fetched (a command may name more than one). */
  responses: CurlResponse[];
  exitCode: number;
  stderr: string;
}

const MARKER = '@@CALLPACE_HTTP_STATUS=';
let curlHome: string | undefined;

/**
 * A CURL_HOME whose .curlrc makes curl quiet and print each status after its body, so the
 * commands themselves can run exactly as the reference writes them.
 */
function curlHomeDir(): string {
  if (curlHome) return curlHome;
  curlHome = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-curl-'));
  fs.writeFileSync(path.join(curlHome, '.curlrc'), `silent\nshow-error\nconnect-timeout = 10\nmax-time = 60\nwrite-out = "\\n${MARKER}%{http_code}@@\\n"\n`);
  return curlHome;
}

/** Runs a shell command line (a curl example) through `bash -c`, so its quoting is the reference's. */
export function runCurl(commandLine: string): Promise<CurlResult> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', commandLine],
      { env: { ...process.env, CURL_HOME: curlHomeDir(), XDG_CONFIG_HOME: curlHomeDir() }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const responses: CurlResponse[] = [];
        const re = new RegExp(`([\\s\\S]*?)\\n${MARKER.replace(/[$@]/g, '\\$&')}(\\d{3})@@\\n`, 'g');
        for (const m of stdout.matchAll(re)) {
          let body: Body = undefined;
          try {
            body = JSON.parse(m[1]);
          } catch {
            body = undefined;
          }
          responses.push({ status: Number(m[2]), text: m[1], body });
        }
        for (const r of responses) seenStatuses.push({ method: 'curl', path: commandLine.split('\n')[0], status: r.status });
        const first = responses[0] ?? { status: 0, text: stdout, body: undefined };
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ ...first, responses, exitCode, stderr });
      },
    );
  });
}

/**
 * Applies exact substitutions to a reference command, failing loudly when a target is not in
 * the command exactly once (so a mistyped copy cannot silently run something else).
 */
export function substitute(command: string, replacements: Array<[string, string]>): string {
  let out = command;
  for (const [from, to] of replacements) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`substitution target ${JSON.stringify(from)} occurs ${count} times in:\n${command}`);
    out = out.replace(from, () => to);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Database (read-only) and CLI

/** Runs `fn` on a read-only connection to the server's database file. */
export function readDb<T>(dbFile: string, fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

export interface StoredCall {
  id: number;
  phone_number: string;
  ani: string | null;
  message_reference: string | null;
  status: string;
}

/** A campaign's calls in queue order (id order: rows are only appended). */
export function storedCalls(dbFile: string, campaignId: number): StoredCall[] {
  return readDb(dbFile, (db) =>
    db.prepare('SELECT id, phone_number, ani, message_reference, status FROM calls WHERE campaign_id = ? ORDER BY id').all(campaignId) as StoredCall[],
  );
}

export function rowCount(dbFile: string, table: 'calls' | 'campaigns' | 'schedules' | 'profiles' | 'campaign_profiles' | 'accounts' | 'api_tokens'): number {
  return readDb(dbFile, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * A campaign's queue as phone numbers, in order: from GET /api/campaigns/{id}/calls (`{"calls":
 * [...]}` in queue order) when the server has it, checked against the database's id order.
 */
export async function queueOrder(api: ApiClient, dbFile: string, campaignId: number): Promise<string[]> {
  const fromDb = storedCalls(dbFile, campaignId).map((c) => c.phone_number);
  const r = await api.get(`/api/campaigns/${campaignId}/calls?limit=1000`);
  if (r.status === 200 && r.contentType.includes('json')) {
    const list: Body = Array.isArray(r.body) ? r.body : r.body?.calls;
    if (Array.isArray(list) && !r.body?.next_cursor) {
      const fromApi = list.map((c: Body) => c.phone_number);
      if (JSON.stringify(fromApi) !== JSON.stringify(fromDb))
        throw new Error(`GET /api/campaigns/${campaignId}/calls order ${JSON.stringify(fromApi)} differs from the database's ${JSON.stringify(fromDb)}`);
      return fromApi;
    }
  }
  return fromDb;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the token CLI (`npm run --silent token -- ...`) against a database file. */
export function tokenCli(dbFile: string, args: string[], via: 'npm' | 'tsx' = 'npm'): Promise<CliResult> {
  const [cmd, argv] =
    via === 'npm' ? ['npm', ['run', '--silent', 'token', '--', ...args]] : [path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/token.ts', ...args]];
  return new Promise((resolve) => {
    execFile(cmd, argv, { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${dbFile}` }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Valid US numbers (libphonenumber-js agrees) for tests that are not about validation. */
export function usNumber(i: number): string {
  if (i < 0 || i > 99) throw new Error('usNumber(0..99)');
  return `+1201555${String(100 + i).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The reference's 18 operations

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI-style path; `{id}` is the resource id. */
  path: string;
}

export const OPERATIONS: Operation[] = [
  { method: 'POST', path: '/api/schedules' },
  { method: 'GET', path: '/api/schedules' },
  { method: 'PATCH', path: '/api/schedules/{id}' },
  { method: 'PUT', path: '/api/schedules/{id}' },
  { method: 'DELETE', path: '/api/schedules/{id}' },
  { method: 'POST', path: '/api/profiles' },
  { method: 'GET', path: '/api/profiles' },
  { method: 'PATCH', path: '/api/profiles/{id}' },
  { method: 'PUT', path: '/api/profiles/{id}' },
  { method: 'DELETE', path: '/api/profiles/{id}' },
  { method: 'POST', path: '/api/campaigns' },
  { method: 'GET', path: '/api/campaigns' },
  { method: 'PATCH', path: '/api/campaigns/{id}' },
  { method: 'PUT', path: '/api/campaigns/{id}' },
  { method: 'DELETE', path: '/api/campaigns/{id}' },
  { method: 'POST', path: '/api/campaigns/start' },
  { method: 'POST', path: '/api/campaigns/stop' },
  { method: 'POST', path: '/api/campaigns/add-calls' },
];

/** The token's visible prefix as `token list --account NAME` prints it (first column, without the ellipsis). */
export function prefixListedFor(listOutput: string, token: string): string | undefined {
  return listOutput
    .split('\n')
    .map((line) => line.split(/\s+/)[0]?.replace(/…$|\.\.\.$/, ''))
    .find((p) => p && p.length >= 4 && token.startsWith(p));
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP/1.1 on one connection (keep-alive behaviour that fetch's pool hides)

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type RawOutcome = { kind: 'response'; response: RawResponse } | { kind: 'closed' } | { kind: 'timeout' };

/** Parses one complete HTTP/1.1 response at the start of `buf` (Content-Length or chunked), or null if incomplete. */
function parseRawResponse(buf: Buffer): { response: RawResponse; rest: Buffer } | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const status = Number(statusLine.split(' ')[1]);
  let at = end + 4;
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd === -1) return null;
      const size = parseInt(buf.subarray(at, lineEnd).toString('latin1'), 16);
      if (buf.length < lineEnd + 2 + size + 2) return null;
      if (size === 0) return { response: { status, headers, body: Buffer.concat(parts).toString('utf8') }, rest: buf.subarray(lineEnd + 4) };
      parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < at + length) return null;
  return { response: { status, headers, body: buf.subarray(at, at + length).toString('utf8') }, rest: buf.subarray(at + length) };
}

/**
 * Sends `requests` (raw HTTP/1.1 text) one after another on ONE connection, each after the
 * previous reply is complete, and reports what happened to each: a reply, the server closing
 * the connection, or nothing within `timeoutMs`.
 */
export function rawExchange(port: number, requests: Array<string | Buffer>, timeoutMs = 4000): Promise<RawOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: RawOutcome[] = [];
    const sock = net.connect(port, '127.0.0.1');
    let buf: Buffer = Buffer.alloc(0);
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (last?: RawOutcome) => {
      if (done) return;
      done = true;
      if (last) outcomes.push(last);
      clearTimeout(timer);
      sock.destroy();
      resolve(outcomes);
    };
    const sendNext = () => {
      clearTimeout(timer);
      if (outcomes.length === requests.length) return finish();
      timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      sock.write(requests[outcomes.length]);
    };
    sock.on('connect', sendNext);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (let parsed = parseRawResponse(buf); parsed && !done; parsed = parseRawResponse(buf)) {
        buf = parsed.rest;
        outcomes.push({ kind: 'response', response: parsed.response });
        sendNext();
      }
    });
    sock.on('close', () => finish({ kind: 'closed' }));
    sock.on('error', () => finish({ kind: 'closed' }));
  });
}
