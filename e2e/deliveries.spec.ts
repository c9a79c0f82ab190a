import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiJson, expectAccessible, phoneNumbers, seedCampaign, seedProfile, seedSchedule, windowAroundNow } from './helpers';

/** A result_url receiver in the test process: refuses with 500 until told to accept. */
function receiver() {
  const state = { accept: false, accepted: [] as Array<{ delivery_id: number; call_id: number }> };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (!state.accept) return void res.writeHead(500).end('down');
      state.accepted.push(JSON.parse(body));
      res.end('ok');
    });
  });
  return { state, server };
}

test('results the receiver refused are shown as given up, and "Send again" delivers them', async ({ page }) => {
  const window = windowAroundNow();
  test.skip(window.minutesLeft < 3, 'Too close to Eastern midnight for a window covering now');
  const rx = receiver();
  await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', r));
  try {
    await page.goto('/campaigns');
    const { id: schedule } = await seedSchedule(page);
    const { id: profile } = await seedProfile(page, { period: 1, amount_per_period: 60, time_between_periods: 0 });
    const campaignId = await seedCampaign(page, {
      schedule,
      windows: [{ profile, start_time: window.start, end_time: window.end }],
      phones: phoneNumbers(2, 77),
      resultUrl: `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/results`,
    });
    await apiJson(page, 'POST', '/api/campaigns/start', { campaign_id: campaignId });

    await page.goto(`/campaigns/${campaignId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Result deliveries' }) });
    const card = section.getByRole('region', { name: 'Result deliveries table (scrolls sideways)' });
    await section.getByLabel('Show deliveries').selectOption({ label: 'Gave up only' });
    // Two calls of 1 s, each result refused twice (RESULT_MAX_ATTEMPTS=2 for the e2e server).
    await expect(card.getByRole('row')).toHaveCount(3, { timeout: 45_000 });
    for (const row of await card.getByRole('row').filter({ hasText: 'Gave up' }).all()) {
      await expect(row).toContainText('HTTP 500');
      await expect(row.getByRole('cell').nth(3)).toHaveText('2');
    }
    expect(rx.state.accepted).toEqual([]);
    await expectAccessible(page);

    rx.state.accept = true;
    const first = card.getByRole('row').nth(1);
    const deliveryId = Number(await first.getByRole('cell').first().textContent());
    await first.getByRole('button', { name: /Send again/ }).click();
    // It leaves the "given up" list, and the receiver gets it under the same delivery id.
    await expect(card.getByRole('row')).toHaveCount(2, { timeout: 20_000 });
    await expect.poll(() => rx.state.accepted.map((b) => b.delivery_id), { timeout: 20_000 }).toEqual([deliveryId]);
    await section.getByLabel('Show deliveries').selectOption({ label: 'Delivered only' });
    await expect(page.getByTestId(`delivery-${deliveryId}`)).toContainText('Delivered');
  } finally {
    await new Promise((r) => rx.server.close(r));
  }
});
