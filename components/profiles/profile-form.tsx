'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { messageOf } from '@/lib/client/api';
import { describePace } from '@/lib/client/format';
import { useCreateProfile, useUpdateProfile } from '@/lib/client/profiles';
import type { Profile } from '@/lib/client/types';
import { profileInput } from '@/lib/schemas/profile';
import { Button } from '../ui/button';
import { Alert } from '../ui/feedback';
import { TextField } from '../ui/field';
import { applyServerErrors } from '../ui/server-errors';
import { PaceStrip } from './pace-strip';

type In = z.input<typeof profileInput>;
type Out = z.output<typeof profileInput>;
const FIELDS = ['nickname', 'period', 'amount_per_period', 'time_between_periods'];

/** Create a profile or edit `profile`, with the pace described live as the numbers change. */
export function ProfileForm({ profile, onDone }: { profile?: Profile; onDone: (message: string) => void }) {
  const create = useCreateProfile();
  const update = useUpdateProfile();
  const mutation = profile ? update : create;
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(profileInput),
    mode: 'onTouched',
    defaultValues: {
      nickname: profile?.nickname ?? undefined,
      period: String(profile?.period ?? 30),
      amount_per_period: String(profile?.amount_per_period ?? 100),
      time_between_periods: String(profile?.time_between_periods ?? 10),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const watched = useWatch({ control: form.control });
  const live = profileInput.safeParse(watched);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (profile) await update.mutateAsync({ id: profile.profile_id, input: values });
      else await create.mutateAsync(values);
      onDone(profile ? 'Profile saved.' : 'Profile created.');
    } catch (e) {
      applyServerErrors(e, form.setError, FIELDS);
    }
  });
  const leftover = mutation.error && !(mutation.error as { fields?: unknown }).fields ? messageOf(mutation.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {leftover && <Alert tone="error">{leftover}</Alert>}
      <TextField
        label="Nickname"
        hint="Optional, e.g. “MorningPace”. Campaigns can refer to the profile by it."
        error={errors.nickname?.message}
        {...form.register('nickname', { setValueAs: (v: string) => (v.trim() === '' ? undefined : v) })}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Calling period (minutes)"
          type="number"
          inputMode="numeric"
          min={1}
          hint="How long each burst of calling lasts."
          error={errors.period?.message}
          {...form.register('period')}
        />
        <TextField
          label="Calls per period"
          type="number"
          inputMode="numeric"
          min={1}
          hint="Spread evenly across the period."
          error={errors.amount_per_period?.message}
          {...form.register('amount_per_period')}
        />
        <TextField
          label="Pause between periods (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          hint="0 means calling never pauses."
          error={errors.time_between_periods?.message}
          {...form.register('time_between_periods')}
        />
      </div>
      <div className="rounded-md border border-border bg-surface-2 p-3" aria-live="polite">
        {live.success ? (
          <>
            <p className="mb-2 text-sm font-medium" data-testid="pace-description">
              {describePace(live.data)}
            </p>
            <PaceStrip pace={live.data} />
          </>
        ) : (
          <p className="text-sm text-muted">Fill in whole numbers above to see how this profile paces calls.</p>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : profile ? 'Save profile' : 'Create profile'}
        </Button>
        <Button variant="secondary" onClick={() => onDone('')}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
