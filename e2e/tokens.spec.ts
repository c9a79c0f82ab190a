import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { BASE_URL, unique } from './helpers';

/** curl as a script would run it; returns the HTTP status and the body. */
function curl(token: string, path: string): { status: number; body: string } {
  const out = execFileSync('curl', ['-sS', '-w', '\n%{http_code}', '-H', `Authorization: Bearer ${token}`, `${BASE_URL}${path}`], { encoding: 'utf8' });
  const cut = out.lastIndexOf('\n');
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

test('token: create (shown once), use it with curl, revoke it', async ({ page }) => {
  const label = unique('nightly import');
  await page.goto('/tokens');
  await page.getByLabel('What is it for?').fill(label);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Copy it now: it will not be shown again.')).toBeVisible();
  const token = await page.getByLabel('Your new token').inputValue();
  expect(token).toMatch(/^cp_/);
  const row = page.getByTestId('token-table').getByRole('row').filter({ hasText: label });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(token.slice(0, 11));
  // The list never holds the token itself.
  await expect(page.getByTestId('token-table')).not.toContainText(token);

  const ok = curl(token, '/api/campaigns');
  expect(ok.status).toBe(200);
  expect(Array.isArray(JSON.parse(ok.body))).toBe(true);

  // The token is shown once: after a reload only its prefix remains.
  await page.reload();
  await expect(page.getByLabel('Your new token')).toHaveCount(0);

  await page.getByRole('button', { name: `Revoke ${label}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  const refused = curl(token, '/api/campaigns');
  expect(refused.status).toBe(401);
});
