import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the real built server (`next start`) on 127.0.0.1, a free port and a fresh temp
 * database, in its own process group so that stop() kills next-server too.
 */
export interface TestServer {
  url: string;
  port: number;
  dbFile: string;
  dir: string;
  proc: ChildProcess;
  /** Output of the server so far (stdout + stderr), for assertions and debugging. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Creates an account (if needed) and a token for it with the CLI. */
  token(account: string): string;
}

export const ROOT = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a database file (e.g. after a crash) instead of a fresh one. */
  dbFile?: string;
  port?: number;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no build: run `npx next build` first (npm test does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-test-'));
  const dbFile = options.dbFile ?? path.join(dir, 'callpace.db');
  const port = options.port ?? (await freePort());
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: `file:${dbFile}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...options.env,
  } as NodeJS.ProcessEnv;
  const proc = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status < 500 || r.status === 503) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dbFile,
    dir,
    proc,
    output: () => out,
    stop: (signal = 'SIGKILL') => stopGroup(proc, signal),
    token: (account) => createTokenCli(dbFile, account),
  };
}

async function stopGroup(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    process.kill(-proc.pid!, signal);
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  try {
    process.kill(-proc.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export function createTokenCli(dbFile: string, account: string): string {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/token.ts', 'create', '--account', account], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`token CLI failed: ${r.stderr}`);
  return r.stdout.trim();
}
