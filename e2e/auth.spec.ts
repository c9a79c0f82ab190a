import { expect, test } from '@playwright/test';
import { BASE_URL, expectAccessible, MANAGER, screenshot, unique } from './helpers';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('setup is closed once a user exists, and pages need a session', async ({ page, request }) => {
    await page.goto('/setup');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/campaigns');
    await expect(page).toHaveURL(/\/sign-in$/);
    const again = await request.post('/api/auth/setup', { data: { account_name: 'x', email: 'x@example.com', password: 'long enough password' } });
    expect(again.status()).toBe(409);
    expect((await request.get('/api/campaigns')).status()).toBe(401);
  });

  test('sign-in: wrong password is refused plainly, the right one signs in, sign-out ends it', async ({ page }) => {
    await page.goto('/sign-in');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is incorrect.')).toBeVisible();

    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/campaigns$/);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'callpace_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/schedules');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a cross-site sign-in post is refused', async ({ request }) => {
    const r = await request.post('/api/auth/sign-in', {
      data: { email: MANAGER.email, password: MANAGER.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status()).toBe(403);
  });

  test('failed sign-ins are rate-limited per email and address', async ({ request }) => {
    const email = `${unique('nobody')}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await request.post('/api/auth/sign-in', { data: { email, password: 'wrong password!' } })).status());
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

test('a signed-in user adds a colleague, who can then sign in', async ({ page, browser }) => {
  const email = `${unique('colleague')}@example.com`;
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password').fill('short');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('The password must be at least 10 characters.')).toBeVisible();
  await page.getByLabel('Initial password').fill('welcome aboard 2026');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText(`${email} can now sign in.`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Users' })).toContainText(email);

  // The same email twice is a field error from the server.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password').fill('welcome aboard 2026');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('A user with this email already exists.')).toBeVisible();

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: BASE_URL });
  const colleague = await other.newPage();
  await colleague.goto('/sign-in');
  await colleague.getByLabel('Email').fill(email);
  await colleague.getByLabel('Password').fill('welcome aboard 2026');
  await colleague.getByRole('button', { name: 'Sign in' }).click();
  await expect(colleague).toHaveURL(/\/campaigns$/);
  await other.close();
});
