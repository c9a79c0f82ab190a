#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order — typecheck, unit tests, production build, API tests
 * against the real server, Playwright end-to-end tests in Chromium. Ends with one line
 * "N passed, N failed" over all of them. Stops at the first failing stage.
 *
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium; if neither exists it installs Debian's
 * chromium with apt-get when running as root, else Playwright's own browser.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-test-report-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
}

function finish(ok) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return { CHROMIUM_PATH: found };
  if (process.getuid?.() === 0) {
    console.log('Chromium not found: installing Debian chromium with apt-get…');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync('/usr/bin/chromium')) return { CHROMIUM_PATH: '/usr/bin/chromium' };
  }
  console.log('Chromium not found: installing Playwright’s own Chromium…');
  spawnSync(bin('playwright'), ['install', 'chromium'], { stdio: 'inherit', env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '' } });
  return { CHROMIUM_PATH: '' };
}

const only = process.argv[2]; // optional: unit | api | e2e

if (!only || only === 'unit') {
  if (!run('typecheck', bin('tsc'), ['--noEmit', '-p', '.'])) finish(false);
  const ok = run('unit tests', bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/unit.json`]);
  countVitest(`${out}/unit.json`);
  if (!ok) finish(false);
}
if (!only || only === 'api' || only === 'e2e') {
  if (!run('build', bin('next'), ['build'])) finish(false);
}
if (!only || only === 'api') {
  const ok = run('API tests (real server)', bin('vitest'), ['run', '--project', 'api', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/api.json`]);
  countVitest(`${out}/api.json`);
  if (!ok) finish(false);
}
if (!only || only === 'e2e') {
  const browser = ensureChromium();
  const ok = run('end-to-end tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
    ...browser,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json`,
  });
  countPlaywright(`${out}/e2e.json`);
  if (!ok) finish(false);
}
finish(true);
