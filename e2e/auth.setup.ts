import { expect, test as setup } from '@playwright/test';
import { AUTH_FILE, expectAccessible, MANAGER, screenshot } from './helpers';

// First-run setup on the fresh database: the first visit lands on /setup, which creates the
// account and its first user and signs them in. The session is saved for the other specs.
setup('first-run setup creates the first user and signs in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Callpace' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'setup');

  // Validation from the shared schema, before anything is sent.
  await page.getByLabel('Your email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(page.getByText('The email must be a valid email address')).toBeVisible();
  await expect(page.getByText('The password must be at least 10 characters.')).toBeVisible();

  await page.getByLabel('Account name').fill(MANAGER.account);
  await page.getByLabel('Your email').fill(MANAGER.email);
  await page.getByLabel('Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  // The empty state exists only now, on the fresh database: it explains where to start.
  await expect(page.getByText('No campaigns yet')).toBeVisible();
  await expect(page.getByRole('link', { name: '1. Create a schedule' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'campaigns-empty');
  await page.context().storageState({ path: AUTH_FILE });
});
