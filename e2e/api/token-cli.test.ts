import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, prefixListedFor, readDb, serverErrorsSeen, tokenCli, type CliResult } from '../support/api';
import { type TestServer } from '../support/server';

/**
 * The token CLI as the README documents it: `npm run --silent token -- create --account NAME`
 * prints only the token; `token list --account NAME` shows prefixes, never secrets;
 * `token revoke PREFIX` revokes (the server then answers 401).
 */

let dir: string;
let dbFile: string;
let server: TestServer | undefined;
const tokens: { first?: string; second?: string; other?: string } = {};
/** The first token's prefix as `token list` showed it. */
let firstPrefix: string | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-token-cli-'));
  dbFile = path.join(dir, 'tokens.db');
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectOnlyAToken(r: CliResult): string {
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout, 'stdout is exactly one line').toMatch(/^[^\s]+\n$/);
  const token = r.stdout.trim();
  expect(token.length).toBeGreaterThanOrEqual(20);
  expect(r.stderr).not.toContain(token);
  return token;
}

const accountsNamed = (name: string) => readDb(dbFile, (db) => (db.prepare('SELECT count(*) AS n FROM accounts WHERE name = ?').get(name) as { n: number }).n);

describe('token CLI', () => {
  it('create --account NAME on a fresh database: creates the account and prints only the token, one line', async () => {
    tokens.first = expectOnlyAToken(await tokenCli(dbFile, ['create', '--account', 'acme']));
    expect(accountsNamed('acme')).toBe(1);
  });

  it('create again for the same account: a different token, no second account; another name makes another account', async () => {
    const [second, other] = await Promise.all([tokenCli(dbFile, ['create', '--account', 'acme']), tokenCli(dbFile, ['create', '--account', 'globex'])]);
    tokens.second = expectOnlyAToken(second);
    tokens.other = expectOnlyAToken(other);
    expect(new Set([tokens.first, tokens.second, tokens.other]).size).toBe(3);
    expect(accountsNamed('acme')).toBe(1);
    expect(accountsNamed('globex')).toBe(1);
  });

  it('tokens are stored hashed: no column of the database holds a token', () => {
    const rows = readDb(dbFile, (db) => db.prepare('SELECT * FROM api_tokens').all()) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    const cells = rows.flatMap((r) => Object.values(r).map(String));
    for (const t of [tokens.first!, tokens.second!, tokens.other!]) expect(cells.some((c) => c.includes(t))).toBe(false);
  });

  it('list --account NAME: one line per token of that account, with its prefix and without the secret', async () => {
    const r = await tokenCli(dbFile, ['list', '--account', 'acme']);
    expect(r.code, r.stderr).toBe(0);
    firstPrefix = prefixListedFor(r.stdout, tokens.first!);
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(2);
    for (const t of [tokens.first!, tokens.second!]) {
      expect(r.stdout).not.toContain(t);
      const prefix = prefixListedFor(r.stdout, t);
      expect(prefix, `a prefix of ${t.slice(0, 6)}… is listed`).toBeDefined();
      expect(prefix!.length).toBeLessThan(t.length / 2);
    }
    expect(prefixListedFor(r.stdout, tokens.other!)).toBeUndefined();
  });

  it('the tokens authenticate against the server; revoke PREFIX makes that one 401 and leaves the others working', async () => {
    server = await startTestServer({ env: { PACER: 'off' }, dbFile });
    const first = new ApiClient(server.url, tokens.first!);
    const second = new ApiClient(server.url, tokens.second!);
    for (const c of [first, second]) expect((await c.get('/api/schedules')).status).toBe(200);

    const prefix = firstPrefix;
    expect(prefix, 'the prefix listed by the previous test').toBeDefined();
    const revoke = await tokenCli(dbFile, ['revoke', prefix!], 'tsx');
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout + revoke.stderr).not.toContain(tokens.first!);

    const denied = await first.get('/api/schedules');
    expect(denied.status).toBe(401);
    expect(denied.body).toStrictEqual({ status: 'error', error: expect.any(String) });
    expect((await second.get('/api/schedules')).status).toBe(200);
    expect((await new ApiClient(server.url, tokens.other!).get('/api/schedules')).status).toBe(200);

    const after = await tokenCli(dbFile, ['list', '--account', 'acme'], 'tsx');
    const line = after.stdout.split('\n').find((l) => l.startsWith(prefix!));
    expect(line).toMatch(/revoked/i);
  });

  it('a token created while the server runs works at once, in the right account', async () => {
    expect(server, 'the server from the previous test').toBeDefined();
    const t = expectOnlyAToken(await tokenCli(dbFile, ['create', '--account', 'acme']));
    const c = new ApiClient(server!.url, t);
    const made = await c.post('/api/schedules', { json: { days: ['mon'], nickname: 'from-new-token' } });
    expect(made.status, made.text).toBe(200);
    expect((await new ApiClient(server!.url, tokens.second!).list('/api/schedules')).map((s) => s.nickname)).toContain('from-new-token');
    expect(await new ApiClient(server!.url, tokens.other!).list('/api/schedules')).toEqual([]);
  });

  it('usage errors exit non-zero and print no token: create without --account, revoke of an unknown prefix, an unknown command', async () => {
    const [noAccount, unknownPrefix, unknownCommand] = await Promise.all([
      tokenCli(dbFile, ['create'], 'tsx'),
      tokenCli(dbFile, ['revoke', 'no-such-prefix'], 'tsx'),
      tokenCli(dbFile, ['frobnicate'], 'tsx'),
    ]);
    for (const r of [noAccount, unknownPrefix, unknownCommand]) {
      expect(r.code).not.toBe(0);
      expect(r.stdout.trim()).toBe('');
      expect(r.stderr.trim()).not.toBe('');
    }
  });

  it('no request in this file was answered with a 5xx', () => {
    expect(serverErrorsSeen()).toEqual([]);
  });
});
