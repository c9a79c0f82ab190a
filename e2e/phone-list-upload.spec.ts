import { expect, test, type Page } from '@playwright/test';
import { addDays, apiCall, apiJson, AUTH_FILE, BASE_URL, easternNow, seedProfile, seedSchedule } from './helpers';

/**
 * Large phone-list files through the campaign form: the upload progress bar, and the server's
 * per-line 422 for bad lines the browser's preview did not reach (it checks only the first
 * megabyte of a file over 5 MB, lib/client/phone-preview.ts).
 */

/** Entry lines "tel:+1212XXXXXXX; ani=+12125559999, ref-i", one distinct valid number each. */
const entry = (i: number) => `tel:+1212${String(2_000_000 + i)}; ani=+12125559999, ref-${i}`;
const LINES = 130_000; // ~6.2 MB: past the preview's 5 MB full-check limit
const phoneFile = (bad: Map<number, string> = new Map()) =>
  Buffer.from(Array.from({ length: LINES }, (_, i) => bad.get(i + 1) ?? entry(i)).join('\n') + '\n');

async function fillCampaign(page: Page, schedule: string, profile: string) {
  const { date } = easternNow();
  await page.goto('/campaigns/new');
  await page.getByLabel('Start date').fill(date);
  await page.getByLabel('End date').fill(addDays(date, 14));
  await page.getByLabel('Schedule').selectOption({ label: `${schedule} (mon, tue, wed, thu, fri, sat, sun)` });
  await page.getByLabel('Profile for window 1').selectOption({ label: profile });
  await page.getByLabel('Starts (ET)').fill('09:00');
  await page.getByLabel('Ends (ET)').fill('17:00');
  await page.getByLabel('Start URL').fill('https://voice.example.com/start');
}

const campaignIds = async (page: Page) => (await apiJson<Array<{ campaign_id: number }>>(page, 'GET', '/api/campaigns')).map((c) => c.campaign_id).sort();

test.describe.serial('large phone-list uploads', () => {
  // Generating, previewing, uploading and storing 130,000 numbers takes a while on 2 cores.
  test.setTimeout(180_000);
  let schedule: { id: number; nickname: string };
  let profile: { id: number; nickname: string };

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    schedule = await seedSchedule(page);
    profile = await seedProfile(page);
    await page.close();
  });

  test('the progress bar appears and advances while a multi-megabyte file uploads', async ({ page }) => {
    await fillCampaign(page, schedule.nickname, profile.nickname);
    const file = phoneFile();
    await page.getByLabel('Phone list file (.csv or .txt)').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: file });
    await expect(page.getByTestId('phone-preview')).toContainText('its first', { timeout: 60_000 });

    // Localhost uploads 6 MB in a blink: the browser's own network emulation slows the upload to
    // ~2 MB/s so the bar has time to show its way there.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });

    // Every value the bar takes, recorded in the page as it changes.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      const record = () => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Upload progress"]');
        const value = bar ? Number(bar.getAttribute('aria-valuenow')) : null;
        if (value !== null && seen.at(-1) !== value) seen.push(value);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });

    await page.getByRole('button', { name: 'Create campaign' }).click();
    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    await expect(bar).toBeVisible();
    await expect(page.getByText(/^Uploading… \d+%$/)).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/\d+\?added=130000/, { timeout: 120_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    // It started at 0, passed through values in between, and never went backwards.
    expect(seen[0]).toBe(0);
    const between = seen.filter((v) => v > 0 && v < 100);
    expect(between.length, `progress values seen: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await expect(page.getByText('Campaign created with 130,000 numbers in its queue')).toBeVisible();
  });

  test('bad lines past the preview are named by the server, and nothing is created', async ({ page }) => {
    const bad = new Map([
      [60_001, 'tel:+1212555; ani=+12125559999, short'],
      [99_999, '+1 (212) 55x-0000'],
      [129_000, 'tel:+12125550000; ani=12, bad-ani'],
    ]);
    const before = await campaignIds(page);
    await fillCampaign(page, schedule.nickname, profile.nickname);
    await page.getByLabel('Phone list file (.csv or .txt)').setInputFiles({ name: 'big-with-bad-lines.txt', mimeType: 'text/plain', buffer: phoneFile(bad) });

    // The preview checked the first megabyte only, found nothing wrong, and says so.
    const preview = page.getByTestId('phone-preview');
    await expect(preview).toContainText('This is a large file: its first', { timeout: 60_000 });
    await expect(preview).not.toContainText('with problems');

    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByText('The phone list has problems: see the list below. Nothing was created.')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText('The phone list was not accepted. Nothing was added.')).toBeVisible();
    const errors = page.getByRole('list', { name: 'Phone list errors from the server' }).getByRole('listitem');
    await expect(errors).toHaveText([
      'line 60001: "+1212555" is not a valid phone number',
      'line 99999: "+1 (212) 55x-0000" is not a valid phone number',
      'line 129000: ani "12" is not a valid phone number',
    ]);
    // The upload is over: no progress bar left behind, still on the form.
    await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(0);
    await expect(page).toHaveURL(/\/campaigns\/new$/);
    expect(await campaignIds(page)).toEqual(before);
  });

  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    // Whatever these tests created, even when one failed halfway: every campaign on their schedule.
    const campaigns = await apiJson<Array<{ campaign_id: number; schedule_id: number }>>(page, 'GET', '/api/campaigns');
    for (const c of campaigns) if (c.schedule_id === schedule.id) await apiCall(page, 'DELETE', `/api/campaigns/${c.campaign_id}`);
    await apiCall(page, 'DELETE', `/api/schedules/${schedule.id}`);
    await apiCall(page, 'DELETE', `/api/profiles/${profile.id}`);
    await page.close();
  });
});
