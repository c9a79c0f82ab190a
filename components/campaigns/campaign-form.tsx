'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import { ApiError, messageOf } from '@/lib/client/api';
import { useCreateCampaign, useUpdateCampaign } from '@/lib/client/campaigns';
import { describePace, wireDateOnly } from '@/lib/client/format';
import { useProfiles } from '@/lib/client/profiles';
import { useSchedules } from '@/lib/client/schedules';
import type { Campaign } from '@/lib/client/types';
import { campaignInputObject, campaignUpdateObject, profileWindows } from '@/lib/schemas/campaign';
import { profileName } from '../profiles/profiles-view';
import { scheduleName } from '../schedules/schedules-view';
import { Button, LinkButton } from '../ui/button';
import { Alert, Card, EmptyState, Loading } from '../ui/feedback';
import { SelectField, TextField } from '../ui/field';
import { PhoneListInput, usePhoneList } from './phone-list-input';

/** What the form holds (strings and ids as the inputs give them); the shared schemas validate it. */
interface FormValues {
  start_date: string;
  end_date: string;
  schedule: number | undefined;
  profiles: Array<{ profile: number | undefined; start_time: string; end_time: string }>;
  start_url: string;
  result_url: string;
}

const TOP_FIELDS = ['start_date', 'end_date', 'schedule', 'profiles', 'start_url', 'result_url'];
const isFormField = (name: string) => TOP_FIELDS.includes(name) || /^profiles\.\d+\.(profile|start_time|end_time)$/.test(name);
const toId = (v: string) => (v === '' ? undefined : Number(v));
/** Rules between windows, checked live as times change (a resolver error on a field would go stale). */
const LIVE_RULES = /overlaps|must be after/;

function todayEastern(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
}

/** Create a campaign (with its phone list) or edit one (the phone list grows from the detail page). */
export function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const router = useRouter();
  const schedules = useSchedules();
  const profiles = useProfiles();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.campaign_id ?? 0);
  const phoneList = usePhoneList(campaign ? 'none' : 'file');
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [phoneErrors, setPhoneErrors] = useState<string[]>([]);

  const defaults: FormValues = useMemo(
    () =>
      campaign
        ? {
            start_date: wireDateOnly(campaign.start_date),
            end_date: wireDateOnly(campaign.end_date),
            schedule: campaign.schedule_id,
            profiles: campaign.profiles.map((w) => ({ profile: w.profile_id, start_time: w.start_time, end_time: w.end_time })),
            start_url: campaign.start_url,
            result_url: campaign.result_url ?? '',
          }
        : {
            start_date: todayEastern(),
            end_date: todayEastern(),
            schedule: undefined,
            profiles: [{ profile: undefined, start_time: '09:00', end_time: '17:00' }],
            start_url: '',
            result_url: '',
          },
    [campaign],
  );

  // The API's own schemas validate the form; their input side is `unknown` (they preprocess wire
  // strings), so the resolver is typed to this form's values explicitly.
  const resolver = zodResolver(campaign ? campaignUpdateObject : campaignInputObject) as unknown as Resolver<FormValues>;
  const form = useForm<FormValues>({ resolver, defaultValues: defaults, mode: 'onTouched' });
  const windows = useFieldArray({ control: form.control, name: 'profiles' });
  const { errors, isSubmitting } = form.formState;

  // Overlapping or backwards windows are flagged as they are typed, before any submit.
  const watchedWindows = useWatch({ control: form.control, name: 'profiles' });
  const windowProblems = useMemo(() => {
    const out = new Map<string, string[]>();
    const parsed = profileWindows.safeParse((watchedWindows ?? []).map((w) => ({ ...w, profile: w.profile ?? 0 })));
    if (parsed.success) return out;
    for (const issue of parsed.error.issues) {
      const [index, field] = issue.path;
      if (typeof index !== 'number' || (field !== 'start_time' && field !== 'end_time')) continue;
      if (!LIVE_RULES.test(issue.message)) continue;
      const key = `${index}.${field}`;
      out.set(key, [...(out.get(key) ?? []), issue.message]);
    }
    return out;
  }, [watchedWindows]);
  /** A time field's error: the live check for order and overlap (never stale), else the resolver's. */
  const timeError = (i: number, field: 'start_time' | 'end_time', resolverMessage?: string) =>
    windowProblems.get(`${i}.${field}`) ?? (resolverMessage && !LIVE_RULES.test(resolverMessage) ? resolverMessage : undefined);

  const profileById = new Map(profiles.data?.map((p) => [p.profile_id, p]));

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setPhoneErrors([]);
    const fields = values as unknown as Record<string, unknown>;
    try {
      if (campaign) {
        await update.mutateAsync(fields);
        router.push(`/campaigns/${campaign.campaign_id}?saved=1`);
        return;
      }
      const problem = phoneList.problem();
      if (problem) {
        setFailure(problem);
        return;
      }
      const file = phoneList.upload();
      if (file) setProgress(0);
      const { phone_numbers: _inline, ...rest } = fields;
      const created = await create.mutateAsync({ fields: rest, file, onProgress: setProgress });
      router.push(`/campaigns/${created.response.id}?added=${created.added ?? 0}&duplicates=${created.duplicates ?? 0}`);
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.fields) {
        for (const [name, messages] of Object.entries(e.fields)) {
          if (name === 'phone_numbers') setPhoneErrors(messages);
          else if (isFormField(name)) form.setError(name as 'start_date', { type: 'server', message: messages.join(' ') });
          else setFailure(messages.join(' '));
        }
        if (!e.fields.phone_numbers) setFailure((f) => f ?? 'Some details need fixing: see the messages next to the fields.');
        else setFailure('The phone list has problems: see the list below. Nothing was created.');
      } else setFailure(messageOf(e));
    }
  });

  if (schedules.isPending || profiles.isPending) return <Loading label="Loading schedules and profiles…" />;
  if (schedules.data?.length === 0 || profiles.data?.length === 0)
    return (
      <EmptyState title="First, a schedule and a profile">
        <p>A campaign calls on the days of a schedule, through windows paced by profiles. You need at least one of each.</p>
        <p className="mt-3 flex flex-wrap justify-center gap-2">
          {schedules.data?.length === 0 && <LinkButton href="/schedules">Create a schedule</LinkButton>}
          {profiles.data?.length === 0 && <LinkButton href="/profiles">Create a profile</LinkButton>}
        </p>
      </EmptyState>
    );

  const rootProfilesError =
    (errors.profiles as { root?: { message?: string }; message?: string } | undefined)?.root?.message ?? errors.profiles?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {failure && <Alert tone="error">{failure}</Alert>}

      <Card title="When" description="Dates are Eastern calendar dates; the campaign calls only on its schedule’s days between them.">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Start date" type="date" error={errors.start_date?.message} {...form.register('start_date')} />
          <TextField label="End date" type="date" error={errors.end_date?.message} {...form.register('end_date')} />
          <SelectField label="Schedule" error={errors.schedule?.message} {...form.register('schedule', { setValueAs: toId })}>
            <option value="">Choose a schedule…</option>
            {schedules.data?.map((s) => (
              <option key={s.schedule_id} value={s.schedule_id}>
                {scheduleName(s)} ({s.days.join(', ')})
              </option>
            ))}
          </SelectField>
        </div>
      </Card>

      <Card
        title="Calling windows"
        description="Daily time windows in Eastern time, each paced by a profile. Windows may not overlap."
        actions={
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              const last = watchedWindows?.[watchedWindows.length - 1];
              windows.append({ profile: undefined, start_time: last?.end_time ?? '09:00', end_time: '20:00' }, { shouldFocus: true });
            }}
          >
            Add window
          </Button>
        }
      >
        {rootProfilesError && <p className="mb-2 text-sm text-danger">{rootProfilesError}</p>}
        <ol className="flex flex-col gap-3">
          {windows.fields.map((field, i) => {
            const rowErrors = errors.profiles?.[i];
            const chosen = watchedWindows?.[i]?.profile;
            const pace = chosen ? profileById.get(chosen) : undefined;
            return (
              <li key={field.id} className="rounded-md border border-border p-3" aria-label={`Window ${i + 1}`}>
                <div className="grid items-start gap-3 sm:grid-cols-[2fr_1fr_1fr_auto]">
                  <SelectField
                    label={`Profile for window ${i + 1}`}
                    error={rowErrors?.profile?.message}
                    {...form.register(`profiles.${i}.profile`, { setValueAs: toId })}
                  >
                    <option value="">Choose a profile…</option>
                    {profiles.data?.map((p) => (
                      <option key={p.profile_id} value={p.profile_id}>
                        {profileName(p)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label="Starts (ET)"
                    type="time"
                    error={timeError(i, 'start_time', rowErrors?.start_time?.message)}
                    {...form.register(`profiles.${i}.start_time`)}
                  />
                  <TextField
                    label="Ends (ET)"
                    type="time"
                    error={timeError(i, 'end_time', rowErrors?.end_time?.message)}
                    {...form.register(`profiles.${i}.end_time`)}
                  />
                  <div className="sm:pt-6">
                    <Button variant="ghost" size="sm" disabled={windows.fields.length === 1} onClick={() => windows.remove(i)} aria-label={`Remove window ${i + 1}`}>
                      Remove
                    </Button>
                  </div>
                </div>
                {pace && <p className="mt-2 text-xs text-muted">{describePace(pace)}</p>}
              </li>
            );
          })}
        </ol>
      </Card>

      <Card title="Where calls go" description="Your voice application answers each call; results are posted to the result URL.">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Start URL" type="url" placeholder="https://example.com/voice/start" error={errors.start_url?.message} {...form.register('start_url')} />
          <TextField
            label="Result URL (optional)"
            type="url"
            placeholder="https://example.com/voice/results"
            error={errors.result_url?.message}
            {...form.register('result_url')}
          />
        </div>
      </Card>

      {!campaign && (
        <Card title="Who to call">
          <PhoneListInput list={phoneList} allowNone serverErrors={phoneErrors} progress={progress} legend="How will you add phone numbers?" />
        </Card>
      )}

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? (campaign ? 'Saving…' : 'Creating…') : campaign ? 'Save campaign' : 'Create campaign'}
        </Button>
        <Link href={campaign ? `/campaigns/${campaign.campaign_id}` : '/campaigns'} className="self-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
