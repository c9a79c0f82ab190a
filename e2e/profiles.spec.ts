import { expect, test } from '@playwright/test';
import { apiCall, seedProfile, unique } from './helpers';

test('profile: create with live pace text and inline validation, then edit', async ({ page }) => {
  const name = unique('MorningPace');
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Nickname').fill(name);

  const period = page.getByLabel('Calling period (minutes)');
  const amount = page.getByLabel('Calls per period');
  const pause = page.getByLabel('Pause between periods (minutes)');
  await period.fill('30');
  await amount.fill('100');
  await pause.fill('10');
  await expect(page.getByTestId('pace-description')).toHaveText('100 calls every 30 min, then a 10 min pause — about 150 calls an hour');

  // Inline errors from the shared zod schema.
  await period.fill('0');
  await amount.fill('');
  await pause.fill('-5');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('The period must be at least 1.')).toBeVisible();
  await expect(page.getByText('The amount per period must be an integer.')).toBeVisible();
  await expect(page.getByText('The time between periods must be at least 0.')).toBeVisible();
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Fill in whole numbers above')).toBeVisible();

  await period.fill('30');
  await amount.fill('100');
  await pause.fill('10');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('Profile created.')).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: name });
  await expect(card).toContainText('100 calls every 30 min, then a 10 min pause — about 150 calls an hour');

  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await page.getByLabel('Pause between periods (minutes)').fill('0');
  await expect(page.getByTestId('pace-description')).toHaveText('100 calls every 30 min, with no pause — about 200 calls an hour');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(card).toContainText('with no pause — about 200 calls an hour');

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
});

test('profile: a taken nickname is a field error from the server', async ({ page }) => {
  const taken = await seedProfile(page);
  await page.goto('/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Nickname').fill(taken.nickname);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('The nickname has already been taken.')).toBeVisible();
  await apiCall(page, 'DELETE', `/api/profiles/${taken.id}`);
});
