import { expect, test, type Page } from '@playwright/test';
import { apiCall, apiJson, AUTH_FILE, BASE_URL, expectAccessible, phoneNumbers, screenshot, seedCampaign, seedProfile, seedSchedule, unique, windowAroundNow } from './helpers';

/**
 * Every dashboard page: no serious or critical axe-core violation, and a screenshot under
 * e2e/screenshots/ (light; the campaign page also dark and at phone width). The data is seeded
 * through the API and the campaign runs a little so the charts and call log have content.
 */
test.describe.serial('every page', () => {
  let campaignId: number;
  const cleanup: Array<[string, string]> = [];

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    const weekdays = await seedSchedule(page, unique('Weekdays'), ['mon', 'tue', 'wed', 'thu', 'fri']);
    const everyDay = await seedSchedule(page, unique('EveryDay'));
    const steady = await seedProfile(page, { period: 30, amount_per_period: 100, time_between_periods: 10 }, unique('Steady'));
    const quick = await seedProfile(page, { period: 1, amount_per_period: 60, time_between_periods: 0 }, unique('Quick'));
    const window = windowAroundNow();
    const [h] = window.start.split(':').map(Number);
    const windows =
      h >= 3
        ? [
            { profile: steady.id, start_time: '00:30', end_time: window.start },
            { profile: quick.id, start_time: window.start, end_time: window.end },
          ]
        : [{ profile: quick.id, start_time: window.start, end_time: window.end }];
    campaignId = await seedCampaign(page, { schedule: everyDay.id, windows, phones: phoneNumbers(40, 7) });
    const later = await seedCampaign(page, {
      schedule: weekdays.id,
      windows: [{ profile: steady.id, start_time: '09:00', end_time: '17:00' }],
      phones: phoneNumbers(120, 8),
    });
    await apiJson(page, 'POST', '/api/campaigns/start', { campaign_id: campaignId });
    // Let a few calls happen so the progress, chart and log have something to show.
    await expect
      .poll(async () => (await apiJson<{ calls: { completed: number } }>(page, 'GET', `/api/campaigns/${campaignId}`)).calls.completed, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(6);
    cleanup.push(
      ['campaigns', String(campaignId)],
      ['campaigns', String(later)],
      ['schedules', String(weekdays.id)],
      ['schedules', String(everyDay.id)],
      ['profiles', String(steady.id)],
      ['profiles', String(quick.id)],
    );
    await page.close();
  });

  const visit = async (page: Page, path: string, heading: string | RegExp) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
  };

  test('campaigns list', async ({ page }) => {
    await visit(page, '/campaigns', 'Campaigns');
    await expect(page.getByTestId('campaign-row').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'campaigns');
  });

  test('campaign detail (light, dark, phone)', async ({ page }) => {
    test.setTimeout(120_000);
    await visit(page, `/campaigns/${campaignId}`, /Campaign #\d+/);
    await expect(page.getByTestId('call-log')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'campaign-detail');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expectAccessible(page);
    await screenshot(page, 'campaign-detail-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await screenshot(page, 'campaign-detail-phone');
  });

  test('new campaign form', async ({ page }) => {
    await visit(page, '/campaigns/new', 'New campaign');
    await expectAccessible(page);
    await screenshot(page, 'campaign-new');
  });

  test('edit campaign form', async ({ page }) => {
    await visit(page, `/campaigns/${campaignId}/edit`, `Edit campaign #${campaignId}`);
    await expect(page.getByLabel('Start URL')).toHaveValue('https://voice.example.com/start');
    await expectAccessible(page);
    await screenshot(page, 'campaign-edit');
  });

  test('schedules', async ({ page }) => {
    await visit(page, '/schedules', 'Schedules');
    await page.getByRole('button', { name: 'New schedule' }).click();
    await expectAccessible(page);
    await screenshot(page, 'schedules');
  });

  test('profiles', async ({ page }) => {
    await visit(page, '/profiles', 'Pacing profiles');
    await page.getByRole('button', { name: 'New profile' }).click();
    await expect(page.getByTestId('pace-description')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'profiles');
  });

  test('tokens', async ({ page }) => {
    await visit(page, '/tokens', 'API tokens');
    await expectAccessible(page);
    await screenshot(page, 'tokens');
  });

  test('team', async ({ page }) => {
    await visit(page, '/users', 'Team');
    await expectAccessible(page);
    await screenshot(page, 'users');
  });

  test('API docs, linked from the navigation', async ({ page }) => {
    await page.goto('/campaigns');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API docs' }).click();
    await expect(page).toHaveURL(/\/docs$/);
    await expect(page.getByText('Callpace Call Scheduling and Pacing API').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Create Schedule').first()).toBeVisible();
    await expectAccessible(page);
    // The reference is many screens long: the first screen shows what it is.
    await screenshot(page, 'docs', { fullPage: false });
  });

  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: BASE_URL, storageState: AUTH_FILE });
    await page.goto('/campaigns');
    if (campaignId) await apiCall(page, 'POST', '/api/campaigns/stop', { campaign_id: campaignId });
    for (const [kind, id] of cleanup) await apiCall(page, 'DELETE', `/api/${kind}/${id}`);
    await page.close();
  });
});
