import fs from 'node:fs';

/**
 * Removes the temp database folder playwright.config.ts made for this run (never one handed in
 * through CALLPACE_E2E_DIR). It runs in the runner, before Playwright stops the web server: the
 * server's open database files are unlinked under it, which Linux allows, and retries cover a
 * journal file the server creates meanwhile.
 */
export default function removeE2eDatabase() {
  const dir = process.env.CALLPACE_E2E_OWN_DIR;
  if (dir && dir === process.env.CALLPACE_E2E_DIR) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
