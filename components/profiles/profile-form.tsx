'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { messageOf } from '@/lib/client/api';
import { describePace } from '@/lib/client/format';
import { useCreateProfile, useUpdateProfile } from '@/lib/client/profiles';
import type { Profile } from '@/lib/client/types';
import { profileInput } from '@/lib/schemas/profile';
import { Alert } from '../ui/feedback';
import { FormTextField, NicknameField, SaveOrCancel } from '../ui/form-fields';
import { applyServerErrors } from '../ui/server-errors';
import { PaceStrip } from './pace-strip';

type In = z.input<typeof profileInput>;
type Out = z.output<typeof profileInput>;
const PACE_FIELDS = [
  { name: 'period', label: 'Calling period (minutes)', min: 1, hint: 'How long each burst of calling lasts.' },
  { name: 'amount_per_period', label: 'Calls per period', min: 1, hint: 'Spread evenly across the period.' },
  { name: 'time_between_periods', label: 'Pause between periods (minutes)', min: 0, hint: '0 means calling never pauses.' },
] as const;
const FIELDS = ['nickname', ...PACE_FIELDS.map((f) => f.name)];

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
  const { isSubmitting } = form.formState;
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
      <NicknameField form={form} hint="Optional, e.g. “MorningPace”. Campaigns can refer to the profile by it." />
      <div className="grid gap-4 sm:grid-cols-3">
        {PACE_FIELDS.map(({ name, label, min, hint }) => (
          <FormTextField key={name} form={form} name={name} label={label} type="number" inputMode="numeric" min={min} hint={hint} />
        ))}
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
      <SaveOrCancel submitting={isSubmitting} label={profile ? 'Save profile' : 'Create profile'} onCancel={() => onDone('')} />
    </form>
  );
}
