'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useCampaigns } from '@/lib/client/campaigns';
import { useDeleteSchedule, useSchedules } from '@/lib/client/schedules';
import type { Schedule } from '@/lib/client/types';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Alert, Card, EmptyState, PageHeader } from '../ui/feedback';
import { DeleteError } from '../ui/in-use-error';
import { QueryState } from '../ui/query-state';
import { DayChips } from './day-picker';
import { ScheduleForm } from './schedule-form';

export const scheduleName = (s: Pick<Schedule, 'nickname' | 'schedule_id'>) => s.nickname ?? `Schedule #${s.schedule_id}`;

export function SchedulesView() {
  const schedules = useSchedules();
  const campaigns = useCampaigns();
  const remove = useDeleteSchedule();
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const usedBy = (id: number) => campaigns.data?.filter((c) => c.schedule_id === id) ?? [];
  const done = (message: string) => {
    setEditing(null);
    setNotice(message || null);
  };

  return (
    <>
      <PageHeader
        title="Schedules"
        description="A schedule says on which days of the week a campaign may call. One schedule can serve many campaigns."
        actions={
          editing === null && (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              New schedule
            </Button>
          )
        }
      />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {editing !== null && (
        <Card title={editing === 'new' ? 'New schedule' : `Edit ${scheduleName(editing)}`} className="mb-6">
          <ScheduleForm key={editing === 'new' ? 'new' : editing.schedule_id} schedule={editing === 'new' ? undefined : editing} onDone={done} />
        </Card>
      )}
      <QueryState isPending={schedules.isPending} error={schedules.error} refetch={schedules.refetch} what="schedules" />
      {schedules.data && schedules.data.length === 0 && editing === null && (
        <EmptyState title="No schedules yet" action={<Button onClick={() => setEditing('new')}>Create your first schedule</Button>}>
          Start here: a campaign needs a schedule (the days it may call) and at least one pacing profile (how fast it calls).
        </EmptyState>
      )}
      {schedules.data && schedules.data.length > 0 && (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Schedules">
          {schedules.data.map((s) => {
            const users = usedBy(s.schedule_id);
            return (
              <li key={s.schedule_id} className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
                <div className="min-w-40 flex-1">
                  <p className="font-medium">{scheduleName(s)}</p>
                  <p className="text-xs text-muted">
                    id {s.schedule_id}
                    {users.length > 0 && (
                      <>
                        {' · used by '}
                        {users.map((c, i) => (
                          <span key={c.campaign_id}>
                            {i > 0 && ', '}
                            <Link className="underline" href={`/campaigns/${c.campaign_id}`}>
                              campaign #{c.campaign_id}
                            </Link>
                          </span>
                        ))}
                      </>
                    )}
                  </p>
                </div>
                <DayChips days={s.days} />
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Edit ${scheduleName(s)}`}
                    onClick={() => {
                      setNotice(null);
                      setEditing(s);
                    }}
                  >
                    Edit
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Delete ${scheduleName(s)}`}
                    onClick={() => {
                      remove.reset();
                      setDeleting(s);
                    }}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ? scheduleName(deleting) : 'schedule'}?`}
        confirmLabel="Delete schedule"
        pending={remove.isPending}
        error={<DeleteError error={remove.error} what="schedule" />}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.schedule_id, {
            onSuccess: () => {
              setNotice(`${scheduleName(deleting)} was deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        This can’t be undone. Campaigns that use this schedule keep it, so it can only be deleted when none does.
      </ConfirmDialog>
    </>
  );
}
