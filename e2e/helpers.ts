import AxeBuilder from '@axe-core/playwright';
import { expect, type APIResponse, type Page } from '@playwright/test';
import path from 'node:path';

/** Shared by the dashboard specs: the first user, API seeding, axe and screenshots. */

/** Same as playwright.config.ts. */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3917}`;
export const AUTH_FILE = 'playwright/.auth/user.json';
export const MANAGER = { account: 'default', email: 'manager@example.com', password: 'correct horse battery' };
export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** A unique suffix so specs never collide on nicknames, whatever ran before. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * Calls the API with the page's session cookie. Cookie-authenticated writes must carry our
 * Origin (the server's CSRF check); a browser adds it by itself, Playwright's request client not.
 */
export async function apiCall(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<APIResponse> {
  return page.request.fetch(url, { method, data, headers: { origin: BASE_URL } });
}

export async function apiJson<T = unknown>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<T> {
  const r = await apiCall(page, method, url, data);
  expect(r.ok(), `${method} ${url} → ${r.status()} ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

export async function seedSchedule(page: Page, nickname = unique('sched'), days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
  const r = await apiJson<{ response: { id: number } }>(page, 'POST', '/api/schedules', { nickname, days });
  return { id: r.response.id, nickname };
}

export async function seedProfile(page: Page, pace = { period: 30, amount_per_period: 100, time_between_periods: 10 }, nickname = unique('pace')) {
  const r = await apiJson<{ response: { id: number } }>(page, 'POST', '/api/profiles', { nickname, ...pace });
  return { id: r.response.id, nickname };
}

/** The current Eastern date and wall-clock minute. */
export function easternNow(now = new Date()): { date: string; minutes: number } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
  const [h, m] = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now)
    .split(':')
    .map(Number);
  return { date, minutes: h * 60 + m };
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A window around now (Eastern), as wide as the day allows: [now - 1 h, now + 3 h), within the date. */
export function windowAroundNow(): { date: string; start: string; end: string; minutesLeft: number } {
  const { date, minutes } = easternNow();
  const start = Math.max(0, minutes - 60);
  const end = Math.min(23 * 60 + 59, minutes + 180);
  return { date, start: hhmm(start), end: hhmm(end), minutesLeft: end - minutes };
}

export async function seedCampaign(
  page: Page,
  opts: {
    schedule: number;
    windows: Array<{ profile: number; start_time: string; end_time: string }>;
    phones?: string[];
    start?: string;
    end?: string;
    resultUrl?: string;
  },
) {
  const { date } = easternNow();
  const r = await apiJson<{ response: { id: number } }>(page, 'POST', '/api/campaigns', {
    start_date: opts.start ?? date,
    end_date: opts.end ?? addDays(date, 30),
    schedule: opts.schedule,
    profiles: opts.windows,
    start_url: 'https://voice.example.com/start',
    result_url: opts.resultUrl ?? 'https://voice.example.com/results',
    ...(opts.phones ? { phone_numbers: opts.phones } : {}),
  });
  return r.response.id;
}

/** `count` distinct valid US numbers: +1 212 555 01xx style, varied by `seed`. */
export function phoneNumbers(count: number, seed = 0): string[] {
  return Array.from({ length: count }, (_, i) => `+1212${String(2000000 + seed * 1000 + i).padStart(7, '0')}`);
}

/** No serious or critical axe-core violation (WCAG 2 A/AA rules and best practices). */
export async function expectAccessible(page: Page, exclude: string[] = []) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}
