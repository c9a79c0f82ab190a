import { expect, test } from '@playwright/test';
import { apiCall, seedCampaign, seedProfile, seedSchedule, unique } from './helpers';

test('schedule: create with the day-picker (mouse and keyboard), edit, delete', async ({ page }) => {
  const name = unique('Weekenders');
  await page.goto('/schedules');
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Nickname').fill(name);

  const days = page.getByRole('group', { name: 'Days campaigns may call' });
  const day = (label: string) => days.getByRole('button', { name: label, exact: true });
  // Weekdays are preselected; the Weekends preset replaces them.
  await expect(day('Mon')).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Weekends' }).click();
  await expect(day('Mon')).toHaveAttribute('aria-pressed', 'false');
  await expect(day('Sat')).toHaveAttribute('aria-pressed', 'true');
  await expect(day('Sun')).toHaveAttribute('aria-pressed', 'true');

  // Keyboard: focus Sat, arrow left to Fri, Space toggles it; Home goes to Mon, Enter toggles it.
  await day('Sat').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(day('Fri')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(day('Fri')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Home');
  await expect(day('Mon')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day('Mon')).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByText('Schedule created.')).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: name });
  await expect(row.getByRole('img')).toHaveAttribute('aria-label', 'Monday, Friday, Saturday, Sunday');

  // Edit: Every day preset, then untick Wed.
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await page.getByRole('button', { name: 'Every day' }).click();
  await day('Wed').click();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Schedule saved.')).toBeVisible();
  await expect(row.getByRole('img')).toHaveAttribute('aria-label', 'Monday, Tuesday, Thursday, Friday, Saturday, Sunday');

  // Delete, with a confirm step.
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Delete ${name}?`);
  await dialog.getByRole('button', { name: 'Delete schedule' }).click();
  await expect(page.getByText(`${name} was deleted.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
});

test('schedule: validation errors from the shared schema and the server', async ({ page }) => {
  const taken = await seedSchedule(page);
  await page.goto('/schedules');
  await page.getByRole('button', { name: 'New schedule' }).click();
  const days = page.getByRole('group', { name: 'Days campaigns may call' });
  for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await days.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByText('The days must contain at least one day.')).toBeVisible();

  await days.getByRole('button', { name: 'Tue', exact: true }).click();
  await page.getByLabel('Nickname').fill(taken.nickname);
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByText('The nickname has already been taken.')).toBeVisible();
  await expect(page.getByLabel('Nickname')).toHaveAttribute('aria-invalid', 'true');
  await apiCall(page, 'DELETE', `/api/schedules/${taken.id}`);
});

test('schedule in use: the delete is refused in plain words with a link to the campaign', async ({ page }) => {
  const schedule = await seedSchedule(page);
  const profile = await seedProfile(page);
  const campaign = await seedCampaign(page, { schedule: schedule.id, windows: [{ profile: profile.id, start_time: '09:00', end_time: '17:00' }] });

  await page.goto('/schedules');
  await page.getByRole('button', { name: `Delete ${schedule.nickname}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete schedule' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('This schedule is still in use.')).toBeVisible();
  await expect(dialog).toContainText(`Campaign #${campaign} uses it`);
  await dialog.getByRole('link', { name: `Open campaign #${campaign}` }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign}$`));

  await apiCall(page, 'DELETE', `/api/campaigns/${campaign}`);
  await apiCall(page, 'DELETE', `/api/schedules/${schedule.id}`);
  await apiCall(page, 'DELETE', `/api/profiles/${profile.id}`);
});
