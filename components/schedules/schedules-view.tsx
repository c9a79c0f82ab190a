'use client';
import { useDeleteSchedule, useSchedules } from '@/lib/client/schedules';
import type { Schedule } from '@/lib/client/types';
import { ResourceView } from '../ui/resource-view';
import { DayChips } from './day-picker';
import { ScheduleForm } from './schedule-form';

export const scheduleName = (s: Pick<Schedule, 'nickname' | 'schedule_id'>) => s.nickname ?? `Schedule #${s.schedule_id}`;

export function SchedulesView() {
  const schedules = useSchedules();
  const remove = useDeleteSchedule();
  return (
    <ResourceView<Schedule>
      noun="schedule"
      plural="schedules"
      title="Schedules"
      description="A schedule says on which days of the week a campaign may call. One schedule can serve many campaigns."
      items={schedules}
      remove={remove}
      idOf={(s) => s.schedule_id}
      nameOf={scheduleName}
      isUsedBy={(c, id) => c.schedule_id === id}
      renderForm={(s, onDone) => <ScheduleForm schedule={s} onDone={onDone} />}
      empty={{
        title: 'No schedules yet',
        body: 'Start here: a campaign needs a schedule (the days it may call) and at least one pacing profile (how fast it calls).',
      }}
      list={{ label: 'Schedules', className: 'divide-y divide-border rounded-lg border border-border bg-surface' }}
      renderItem={(s, { meta, actions }) => (
        <li className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <div className="min-w-40 flex-1">
            <p className="font-medium">{scheduleName(s)}</p>
            {meta}
          </div>
          <DayChips days={s.days} />
          {actions}
        </li>
      )}
      deleteNote="This can’t be undone. Campaigns that use this schedule keep it, so it can only be deleted when none does."
    />
  );
}
