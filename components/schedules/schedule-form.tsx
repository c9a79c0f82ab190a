'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { messageOf } from '@/lib/client/api';
import { useCreateSchedule, useUpdateSchedule } from '@/lib/client/schedules';
import type { Schedule } from '@/lib/client/types';
import type { Weekday } from '@/lib/enums';
import { scheduleInput } from '@/lib/schemas/schedule';
import { Alert } from '../ui/feedback';
import { NicknameField, SaveOrCancel } from '../ui/form-fields';
import { applyServerErrors } from '../ui/server-errors';
import { DayPicker } from './day-picker';

type In = z.input<typeof scheduleInput>;
type Out = z.output<typeof scheduleInput>;

/** Create a schedule, or edit `schedule`. Validated with the API's own schema. */
export function ScheduleForm({ schedule, onDone }: { schedule?: Schedule; onDone: (message: string) => void }) {
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const mutation = schedule ? update : create;
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(scheduleInput),
    defaultValues: { nickname: schedule?.nickname ?? undefined, days: schedule?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'] },
  });
  const { isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (schedule) await update.mutateAsync({ id: schedule.schedule_id, input: values });
      else await create.mutateAsync(values);
      onDone(schedule ? 'Schedule saved.' : 'Schedule created.');
    } catch (e) {
      applyServerErrors(e, form.setError, ['nickname', 'days']);
    }
  });
  const leftover = mutation.error && !(mutation.error as { fields?: unknown }).fields ? messageOf(mutation.error) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {leftover && <Alert tone="error">{leftover}</Alert>}
      <NicknameField form={form} hint="A short name you will recognise, e.g. “Weekdays” or “3wkdays”. Optional." />
      <Controller
        control={form.control}
        name="days"
        render={({ field, fieldState }) => (
          <DayPicker
            label="Days campaigns may call"
            value={(Array.isArray(field.value) ? field.value : []) as Weekday[]}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <SaveOrCancel submitting={isSubmitting} label={schedule ? 'Save schedule' : 'Create schedule'} onCancel={() => onDone('')} />
    </form>
  );
}
