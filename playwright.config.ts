import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Dashboard end-to-end tests. Playwright starts the built server itself (`npm test` builds first)
 * on a fresh database; Chromium is Debian's (STACK-NOTES item 11), never a downloaded build.
 */
const PORT = Number(process.env.E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${PORT}`;

// The config is evaluated by the runner and again by each worker: the runner makes the fresh
// database folder and hands it down through the environment, so workers never delete it; the
// runner's global teardown does (e2e/global-teardown.ts), and only a folder it made itself.
if (!process.env.CALLPACE_E2E_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-e2e-'));
  process.env.CALLPACE_E2E_DIR = dir;
  process.env.CALLPACE_E2E_OWN_DIR = dir;
}
const dbFile = path.join(process.env.CALLPACE_E2E_DIR, 'callpace.db');

// Debian's chromium (CHROMIUM_PATH or /usr/bin/chromium); when neither exists, scripts/test.mjs
// has installed Playwright's own and sets CHROMIUM_PATH to '' so the default one is used.
const chromiumPath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);


export default defineConfig({
  testDir: './e2e',
  // e2e/api/*.test.ts are vitest's API tests, not Playwright's.
  testMatch: ['*.spec.ts', '*.setup.ts'],
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/Paris',
    locale: 'en-US',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'dashboard',
      testMatch: /\.spec\.ts$/,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], storageState: 'playwright/.auth/user.json' },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CALLPACE_SKIP_BUILD: '1',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      SIM_CALL_SECONDS: '1',
      // Results a receiver refuses are given up after 2 quick attempts (e2e/deliveries.spec.ts).
      RESULT_MAX_ATTEMPTS: '2',
      RESULT_RETRY_BASE_MS: '300',
      RESULT_RETRY_MAX_MS: '1000',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
