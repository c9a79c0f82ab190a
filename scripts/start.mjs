#!/usr/bin/env node
/**
 * `npm start`: builds the app if there is no build or the sources are newer than it, then
 * serves the dashboard and API on HOST:PORT (default 127.0.0.1:3000). The server applies
 * database migrations and starts the pacer by itself (instrumentation.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const next = path.join(root, 'node_modules', '.bin', 'next');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db', 'public', 'instrumentation.ts', 'next.config.mjs', 'package.json'];
  return sources.some((s) => {
    const p = path.join(root, s);
    if (!fs.existsSync(p)) return false;
    return (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) > built;
  });
}

if (process.env.CALLPACE_SKIP_BUILD !== '1' && needsBuild()) {
  console.log('Building Callpace (first start or sources changed)…');
  const r = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const server = spawn(next, ['start', '-H', host, '-p', port], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
console.log(`
Callpace is starting at ${url}
  Dashboard:      open ${url} (the first visit creates the first account and user)
  API reference:  ${url}/docs
  API token:      npm run --silent token -- create --account default
  Database:       ${process.env.DATABASE_URL ?? 'file:./data/callpace.db'}
`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
