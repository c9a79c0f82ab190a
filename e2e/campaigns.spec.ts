import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { addDays, apiCall, apiJson, AUTH_FILE, BASE_URL, easternNow, phoneNumbers, seedProfile, seedSchedule, windowAroundNow } from './helpers';

const csv = (rows: string[]) => Buffer.from(['phone_number,ani,message_reference', ...rows].join('\n') + '\n');

async function fillCampaignBasics(page: Page, scheduleName: string, profileName: string, window: { start: string; end: string }) {
  const { date } = easternNow();
  await page.getByLabel('Start date').fill(date);
  await page.getByLabel('End date').fill(addDays(date, 14));
  await page.getByLabel('Schedule').selectOption({ label: `${scheduleName} (mon, tue, wed, thu, fri, sat, sun)` });
  await page.getByLabel('Profile for window 1').selectOption({ label: profileName });
  await page.getByLabel('Starts (ET)').fill(window.start);
  await page.getByLabel('Ends (ET)').fill(window.end);
  await page.getByLabel('Start URL').fill('https://voice.example.com/start');
  await page.getByLabel('Result URL (optional)').fill('https://voice.example.com/results');
}

test.describe.serial('campaign lifecycle', () => {
  let scheduleId: number;
  let scheduleName: string;
  let profileId: number;
  let profileName: string;
  let campaignId: number;
  const numbers = phoneNumbers(5, 1);

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    ({ id: scheduleId, nickname: scheduleName } = await seedSchedule(page));
    // One call a second, no pause: a few numbers are dialed within seconds.
    ({ id: profileId, nickname: profileName } = await seedProfile(page, { period: 1, amount_per_period: 60, time_between_periods: 0 }));
    await page.close();
  });

  test('a dropped file with bad lines shows per-line errors and is not sent', async ({ page }) => {
    await page.goto('/campaigns/new');
    await fillCampaignBasics(page, scheduleName, profileName, { start: '09:00', end: '17:00' });
    // Dropped on the drop zone, as a manager would drag it from their desktop.
    const content = csv(['+12125550101,,first', '12345,,second', '+12125550102,not-a-number,third', '+12125550103,,fourth']).toString();
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'bad.csv', { type: 'text/csv' }));
      return dt;
    }, content);
    await page.getByTestId('phone-dropzone').dispatchEvent('drop', { dataTransfer });
    const preview = page.getByTestId('phone-preview');
    await expect(preview).toContainText('2 valid numbers');
    await expect(preview).toContainText('2 lines with problems');
    await expect(preview).toContainText('line 3: "12345" is not a valid phone number');
    await expect(preview).toContainText('line 4: ani "not-a-number" is not a valid phone number');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByText('The phone list has 2 lines that can’t be called.')).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/new$/);
  });

  test('overlapping windows are flagged before submit', async ({ page }) => {
    await page.goto('/campaigns/new');
    await fillCampaignBasics(page, scheduleName, profileName, { start: '09:00', end: '12:00' });
    await page.getByRole('button', { name: 'Add window' }).click();
    await page.getByLabel('Profile for window 2').selectOption({ label: profileName });
    await page.getByRole('listitem', { name: 'Window 2' }).getByLabel('Starts (ET)').fill('11:00');
    await page.getByRole('listitem', { name: 'Window 2' }).getByLabel('Ends (ET)').fill('13:00');
    await expect(page.getByText('The window 11:00-13:00 overlaps 09:00-12:00.')).toBeVisible();
    await page.getByRole('listitem', { name: 'Window 2' }).getByLabel('Starts (ET)').fill('12:00');
    await expect(page.getByText('The window 12:00-13:00 overlaps')).toHaveCount(0);
  });

  test('create with a CSV upload, see the timeline', async ({ page }) => {
    const window = windowAroundNow();
    test.skip(window.minutesLeft < 3, 'Too close to Eastern midnight for a window covering now');
    await page.goto('/campaigns/new');
    await fillCampaignBasics(page, scheduleName, profileName, window);
    await page.getByLabel('Phone list file (.csv or .txt)').setInputFiles({
      name: 'numbers.csv',
      mimeType: 'text/csv',
      buffer: csv(numbers.map((n, i) => `${n},+12125559999,ref-${i + 1}`)),
    });
    await expect(page.getByTestId('phone-preview')).toContainText('5 valid numbers');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page).toHaveURL(/\/campaigns\/\d+\?added=5/);
    campaignId = Number(/\/campaigns\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByText('Campaign created with 5 numbers in its queue')).toBeVisible();
    await expect(page.getByTestId('progress-text')).toHaveText('0 of 5 numbers dialed');

    // Timeline: a week of Eastern dates, today first, striped into calling time, with "now".
    const days = page.getByTestId('timeline-day');
    await expect(days).toHaveCount(7);
    await expect(days.first()).toHaveAttribute('data-date', window.date);
    await expect(days.first().locator('[data-kind="active"]').first()).toBeAttached();
    await expect(page.getByTestId('now-marker')).toBeAttached();
    await expect(page.getByTestId('window-table')).toContainText(`${window.start}–${window.end}`);
    await expect(page.getByTestId('next-dial')).toContainText('If started now, the first call would be');
  });

  test('start, watch progress as the simulated dialer works, stop', async ({ page }) => {
    test.skip(!campaignId, 'needs the campaign created above');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('button', { name: 'Start campaign' }).click();
    await expect(page.getByText('Running', { exact: true })).toBeVisible();
    // The page polls while running: the counts move without a reload until all 5 are done.
    await expect(page.getByTestId('progress-text')).not.toHaveText('0 of 5 numbers dialed', { timeout: 20_000 });
    await expect(page.getByTestId('count-completed')).toHaveText('5', { timeout: 30_000 });
    const outcomes = await Promise.all(['answered', 'busy', 'no-answer', 'failed'].map((o) => page.getByTestId(`outcome-${o}`).innerText()));
    expect(outcomes.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    // An empty queue completes the campaign.
    await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('call-log').locator('tbody tr')).toHaveCount(5);
    await expect(page.getByTestId('outcome-mix')).toContainText('Answered');
  });

  test('add calls while it runs; stop and start', async ({ page }) => {
    test.skip(!campaignId, 'needs the campaign created above');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('button', { name: 'Start campaign' }).click();
    const more = phoneNumbers(3, 2);
    await page.getByLabel('Phone numbers, one per line').fill([...more, numbers[0]].join('\n'));
    await expect(page.getByTestId('phone-preview')).toContainText('4 valid numbers');
    await page.getByRole('button', { name: 'Add to queue' }).click();
    await expect(page.getByText('3 numbers were added to the queue; 1 already in this campaign was skipped.')).toBeVisible();
    await expect(page.getByTestId('progress-text')).toContainText('of 8 numbers dialed');
    await expect(page.getByTestId('count-completed')).toHaveText('8', { timeout: 30_000 });

    // 30 more numbers keep it running for half a minute: long enough to stop it.
    await apiJson(page, 'POST', '/api/campaigns/add-calls', { campaign_id: campaignId, phone_numbers: phoneNumbers(30, 3) });
    await page.reload();
    await page.getByRole('button', { name: 'Stop campaign' }).click();
    await expect(page.getByText('Stopped', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start campaign' })).toBeVisible();
  });

  test('call log: filter, export as CSV', async ({ page }) => {
    test.skip(!campaignId, 'needs the campaign created above');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByLabel('Show', { exact: true }).selectOption('completed');
    await expect(page.getByTestId('call-log').locator('tbody tr').first()).toContainText('Completed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export CSV/ }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/phone_number/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(8);
    expect(text).toContain(numbers[0]);
  });

  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    if (campaignId) await apiCall(page, 'DELETE', `/api/campaigns/${campaignId}`);
    await apiCall(page, 'DELETE', `/api/schedules/${scheduleId}`);
    await apiCall(page, 'DELETE', `/api/profiles/${profileId}`);
    await page.close();
  });
});
