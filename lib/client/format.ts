import { callsPerHour, EASTERN } from '../pacing';

/** Display helpers shared by the dashboard (pure; no React). */

export function minutesText(total: number): string {
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface PaceNumbers {
  period: number;
  amount_per_period: number;
  time_between_periods: number;
}

/** "100 calls every 30 min, then a 10 min pause — about 143 calls an hour". */
export function describePace(p: PaceNumbers): string {
  const pause = p.time_between_periods === 0 ? 'with no pause' : `then a ${minutesText(p.time_between_periods)} pause`;
  const perHour = callsPerHour({ period: p.period, amountPerPeriod: p.amount_per_period, timeBetweenPeriods: p.time_between_periods });
  const rounded = perHour >= 10 ? Math.round(perHour) : Math.round(perHour * 10) / 10;
  return `${plural(p.amount_per_period, 'call')} every ${minutesText(p.period)}, ${pause} — about ${plural(rounded, 'call')} an hour`;
}

const easternTime = new Intl.DateTimeFormat('en-US', { timeZone: EASTERN, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const easternDateTime = new Intl.DateTimeFormat('en-US', {
  timeZone: EASTERN,
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Mon, Mar 9, 10:32 ET" */
export function formatEastern(d: Date | string, withDate = true): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  return `${(withDate ? easternDateTime : easternTime).format(date)} ET`;
}

/** The viewer's own zone name, e.g. "Europe/Paris". */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "16:32 your time" (with the date when it differs from the Eastern date). */
export function formatLocal(d: Date | string, withDate = true): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  const fmt = new Intl.DateTimeFormat('en-US', withDate ? { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return fmt.format(date);
}

/** A short local date-time for tables: "Mar 9, 10:32:05". */
export function formatStamp(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** "2022-01-01 00:00:00" → "2022-01-01" */
export const wireDateOnly = (s: string) => s.slice(0, 10);

/** "Jan 1, 2022" from "2022-01-01" (a calendar date: no zone conversion). */
export function formatCalendarDate(ymd: string): string {
  const [y, m, d] = wireDateOnly(ymd).split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
