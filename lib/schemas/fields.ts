import { WEEKDAYS } from '../enums';
import { z } from './zod';

/**
 * Field schemas shared by every resource. Wire bodies arrive as strings (form data, query
 * strings) or as JSON values; each preprocess accepts both so that one schema serves the API,
 * the dashboard forms and the OpenAPI document.
 */

export const MAX_NICKNAME = 64;
/** The reference allows "11 digit" integers; we bound pacing numbers to what a dialer can honour. */
export const MAX_MINUTES = 24 * 60;
export const MAX_AMOUNT_PER_PERIOD = 100_000;

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** A string holding a JSON array or object is decoded; anything else is left for zod to judge. */
export const jsonish = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (!(s.startsWith('[') || s.startsWith('{'))) return v;
  try {
    return JSON.parse(s);
  } catch {
    return v;
  }
};

export const nickname = z.preprocess(
  trimmed,
  z
    .string()
    .min(1, 'The nickname must not be empty.')
    .max(MAX_NICKNAME, `The nickname may not be greater than ${MAX_NICKNAME} characters.`),
).openapi({ type: 'string', maxLength: MAX_NICKNAME, example: '3wkdays' });

/** Integers arrive as "30" from forms and query strings and as 30 from JSON. */
export function wireInt(min: number, max: number, label: string) {
  return z
    .preprocess(
      (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
      z
        .number({ error: `The ${label} must be an integer.` })
        .int(`The ${label} must be an integer.`)
        .min(min, `The ${label} must be at least ${min}.`)
        .max(max, `The ${label} may not be greater than ${max}.`),
    )
    .openapi({ type: 'integer', minimum: min, maximum: max });
}

/** An id in a body or query: a positive integer. */
export const wireId = (label: string) => wireInt(1, Number.MAX_SAFE_INTEGER, label);

/**
 * Days: a JSON array (`["mon","wed"]`), a JSON string of one, or a comma list (`mon,wed`),
 * case-insensitive, at least one, no repeats. Stored and returned in mon..sun order.
 */
export const days = z
  .preprocess(
    (v) => {
      const d = jsonish(v);
      const list = typeof d === 'string' ? d.split(',') : d;
      return Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x)) : list;
    },
    z
      .array(z.enum(WEEKDAYS, { error: 'Each day must be one of mon, tue, wed, thu, fri, sat, sun.' }), {
        error: 'The days must be an array such as ["mon","wed","fri"].',
      })
      .min(1, 'The days must contain at least one day.')
      .refine((list) => new Set(list).size === list.length, 'The days must not repeat a day.')
      .transform((list) => WEEKDAYS.filter((d) => list.includes(d))),
  )
  .openapi({ type: 'array', items: { type: 'string', enum: [...WEEKDAYS] }, example: ['mon', 'wed', 'fri'] });

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A real calendar date, YYYY-MM-DD (a trailing " 00:00:00", as GET returns it, is accepted). */
export const calendarDate = (label: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim().replace(/ 00:00:00$/, '') : v),
      z.string({ error: `The ${label} must be a date (YYYY-MM-DD).` }).refine(isCalendarDate, {
        error: `The ${label} must be a real date in the format YYYY-MM-DD.`,
      }),
    )
    .openapi({ type: 'string', format: 'date', example: '2022-01-01' });

/** A 24-hour wall-clock time, HH:MM (Eastern). */
export const wallTime = (label: string) =>
  z
    .preprocess(
      trimmed,
      z
        .string({ error: `The ${label} must be a time (HH:MM).` })
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `The ${label} must be a 24-hour time in the format HH:MM.`),
    )
    .openapi({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '08:00' });

/** http(s) URLs only: a campaign's voice app and result receiver. */
export const httpUrl = (label: string) =>
  z
    .preprocess(
      trimmed,
      z
        .string({ error: `The ${label} must be a URL.` })
        .max(2048, `The ${label} may not be greater than 2048 characters.`)
        .refine((s) => {
          try {
            const u = new URL(s);
            return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
          } catch {
            return false;
          }
        }, `The ${label} must be a valid http or https URL.`),
    )
    .openapi({ type: 'string', format: 'uri' });

/** Minutes since midnight of an HH:MM string (validated by `wallTime`). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
