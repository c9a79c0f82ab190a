import { denyPrivateTargets, literalTargetProblem } from '../ops/private-target';
import { calendarDate, httpUrl, jsonish, MAX_NICKNAME, minutesOfDay, wallTime, wireId } from './fields';
import { z } from './zod';

/** A schedule or profile named by id (6, "6") or by nickname ("3wkdays"). */
export const resourceRef = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.union([z.number().int().positive(), z.string().min(1).max(MAX_NICKNAME)], {
      error: 'Must be an id or a nickname.',
    }),
  )
  .openapi({ oneOf: [{ type: 'integer' }, { type: 'string' }], example: 'MorningPace' });
export type ResourceRef = z.infer<typeof resourceRef>;

/**
 * Moves synonym keys to their canonical name (when the canonical one is absent) before the
 * object is validated, so a missing value is reported once, under the canonical name.
 */
export function withSynonyms<T extends z.ZodType>(synonyms: Record<string, string>, schema: T) {
  return z.preprocess((v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [alias, canonical] of Object.entries(synonyms)) {
      if (out[canonical] === undefined && out[alias] !== undefined) out[canonical] = out[alias];
      delete out[alias];
    }
    return out;
  }, schema);
}

/** One profile window: a profile and its Eastern [start_time, end_time). `profile_id` is a synonym. */
export const profileWindowObject = z
  .object({
    profile: resourceRef,
    // Folded into `profile` before validation (withSynonyms); listed so the API document shows it.
    profile_id: resourceRef.optional().openapi({ description: 'Synonym of profile.' }),
    start_time: wallTime('start time'),
    end_time: wallTime('end time'),
  })
  .superRefine((w, ctx) => {
    if (minutesOfDay(w.end_time) <= minutesOfDay(w.start_time))
      ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'The end time must be after the start time.' });
  })
  .openapi('ProfileWindow');
export const profileWindow = withSynonyms({ profile_id: 'profile' }, profileWindowObject);
export type ProfileWindowInput = z.output<typeof profileWindowObject>;

export const MAX_PROFILE_WINDOWS = 24;

export const profileWindows = z
  .preprocess(
    jsonish,
    z
      .array(profileWindow, { error: 'The profiles must be an array such as [{"profile":"MorningPace","start_time":"08:00","end_time":"11:00"}].' })
      .min(1, 'The profiles must contain at least one profile.')
      .max(MAX_PROFILE_WINDOWS, `The profiles may not have more than ${MAX_PROFILE_WINDOWS} windows.`)
      .superRefine((list, ctx) => {
        const sorted = list.map((w, i) => ({ ...w, i })).sort((a, b) => a.start_time.localeCompare(b.start_time));
        for (let k = 1; k < sorted.length; k++) {
          const prev = sorted[k - 1];
          const cur = sorted[k];
          if (minutesOfDay(cur.start_time) < minutesOfDay(prev.end_time))
            ctx.addIssue({
              code: 'custom',
              path: [cur.i, 'start_time'],
              message: `The window ${cur.start_time}-${cur.end_time} overlaps ${prev.start_time}-${prev.end_time}.`,
            });
        }
      }),
  )
  .openapi({ type: 'array', items: { $ref: '#/components/schemas/ProfileWindow' } });

/**
 * Phone numbers given inline: a JSON array of entries, or text with one entry per line.
 * (An uploaded file under the same name is handled by the route, not by this schema.)
 */
export const phoneNumbersInline = z
  .preprocess(
    (v) => {
      const d = jsonish(v);
      return typeof d === 'string' ? d.split(/\r?\n/).filter((l) => l.trim() !== '') : d;
    },
    z.array(z.string({ error: 'Each phone number entry must be a string.' }), {
      error: 'The phone numbers must be an array of entries such as "tel:+12223334444; ani=7778889999, ref".',
    }),
  )
  .openapi({ type: 'array', items: { type: 'string' }, example: ['tel:+12223334444; ani=7778889999, marchcampaign'] });

const dateOrder = (v: { start_date?: string; end_date?: string }, ctx: z.RefinementCtx) => {
  if (v.start_date && v.end_date && v.end_date < v.start_date)
    ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'The end date must be a date after or equal to start date.' });
};

/**
 * RESULT_URL_DENY_PRIVATE=1 (hosted deployments): a campaign URL naming localhost or a private,
 * loopback or link-local IP literal is refused here; names that resolve to such addresses are
 * refused at delivery time (lib/ops/private-address).
 */
const publicTarget = (label: string) => (url: string, ctx: z.RefinementCtx) => {
  if (!denyPrivateTargets()) return;
  const problem = literalTargetProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: `The ${label} ${problem}.` });
};

/** Optional result_url: an empty value means "no result_url". */
const optionalResultUrl = z.preprocess((v) => (v === '' || v === null ? undefined : v), httpUrl('result url').superRefine(publicTarget('result url')).optional());

const campaignFields = {
  start_date: calendarDate('start date'),
  end_date: calendarDate('end date'),
  schedule: resourceRef,
  // Folded into `schedule` before validation (withSynonyms); listed so the API document shows it.
  schedule_id: resourceRef.optional().openapi({ description: 'Synonym of schedule.' }),
  profiles: profileWindows,
  start_url: httpUrl('start url').superRefine(publicTarget('start url')),
  result_url: optionalResultUrl,
};

/** The campaign objects as the API document shows them (`schedule_id` is a synonym of `schedule`). */
export const campaignInputObject = z
  .object({ ...campaignFields, phone_numbers: phoneNumbersInline.optional() })
  .superRefine(dateOrder)
  .openapi('CampaignInput');
export const campaignUpdateObject = z.object(campaignFields).partial().superRefine(dateOrder).openapi('CampaignUpdate');

/** Create Campaign (the phone list may also arrive as an uploaded file). */
export const campaignInput = withSynonyms({ schedule_id: 'schedule' }, campaignInputObject);
export type CampaignInput = z.output<typeof campaignInputObject>;

/** Update Campaign: only what is given changes; `profiles` replaces all windows. */
export const campaignUpdate = withSynonyms({ schedule_id: 'schedule' }, campaignUpdateObject);
export type CampaignUpdate = z.output<typeof campaignUpdateObject>;

/** Start / Stop Campaign. */
export const campaignIdInput = z.object({ campaign_id: wireId('campaign id') }).openapi('CampaignId');

/** Add Calls (the phone list may also arrive as an uploaded file). */
export const addCallsInput = z
  .object({ campaign_id: wireId('campaign id'), phone_numbers: phoneNumbersInline.optional() })
  .openapi('AddCallsInput');
