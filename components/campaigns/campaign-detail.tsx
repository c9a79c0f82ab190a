'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError, messageOf } from '@/lib/client/api';
import { LIVE_POLL_MS, useCampaign, useDeleteCampaign, useStartStopCampaign } from '@/lib/client/campaigns';
import { count, formatCalendarDate } from '@/lib/client/format';
import { useProfiles } from '@/lib/client/profiles';
import { useSchedules } from '@/lib/client/schedules';
import { CALL_OUTCOMES } from '@/lib/enums';
import { Button, LinkButton } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Alert, Card, EmptyState, PageHeader, ProgressBar } from '../ui/feedback';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { AddCalls } from './add-calls';
import { CallLog } from './call-log';
import { ResultDeliveries } from './result-deliveries';
import { CampaignCharts } from './campaign-charts';
import { dialedOf, OUTCOME_COLORS, OUTCOME_LABELS } from './campaign-numbers';
import { CampaignTimeline } from './campaign-timeline';

const STATUS_HELP = {
  stopped: 'Stopped: nothing is dialed until you start it.',
  running: `Running: calls are placed in the windows below. Figures refresh every ${LIVE_POLL_MS / 1000} seconds.`,
  completed: 'Completed: every queued number was called. Adding numbers starts it again.',
  ended: 'Ended: its end date has passed, so it will not call again.',
} as const;

export function CampaignDetail({ id, notice }: { id: number; notice: string | null }) {
  const router = useRouter();
  const campaign = useCampaign(id);
  const profiles = useProfiles();
  const schedules = useSchedules();
  const startStop = useStartStopCampaign(id);
  const remove = useDeleteCampaign();
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (campaign.error instanceof ApiError && campaign.error.status === 404)
    return (
      <EmptyState title={`Campaign #${id} was not found`} action={<LinkButton href="/campaigns">Back to campaigns</LinkButton>}>
        It may have been deleted, or it belongs to another account.
      </EmptyState>
    );
  if (!campaign.data) return <QueryState isPending={campaign.isPending} error={campaign.error} refetch={campaign.refetch} what="campaign" />;

  const c = campaign.data;
  const live = c.status === 'running';
  const dialed = dialedOf(c);
  const canStart = c.status === 'stopped' || c.status === 'completed';

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Campaign #{c.campaign_id} <StatusBadge status={c.status} />
          </span>
        }
        description={
          <>
            {formatCalendarDate(c.start_date)} – {formatCalendarDate(c.end_date)} · schedule{' '}
            <Link className="underline" href="/schedules">
              {c.schedule_nickname}
            </Link>
            <br />
            Voice app: <span className="break-all font-mono text-xs">{c.start_url}</span>
          </>
        }
        actions={
          <>
            {canStart && (
              <Button onClick={() => startStop.mutate('start')} disabled={startStop.isPending}>
                Start campaign
              </Button>
            )}
            {c.status === 'running' && (
              <Button variant="secondary" onClick={() => startStop.mutate('stop')} disabled={startStop.isPending}>
                Stop campaign
              </Button>
            )}
            <LinkButton variant="secondary" href={`/campaigns/${c.campaign_id}/edit`}>
              Edit
            </LinkButton>
            <Button
              variant="secondary"
              onClick={() => {
                remove.reset();
                setConfirmDelete(true);
              }}
            >
              Delete
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {notice && <Alert tone="success">{notice}</Alert>}
        {startStop.error && <Alert tone="error">{messageOf(startStop.error)}</Alert>}

        <Card title="Progress" description={STATUS_HELP[c.status]}>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <p className="mb-1 text-sm" data-testid="progress-text">
                <span className="text-lg font-semibold">{count(dialed)}</span> of {count(c.calls.total)} numbers dialed
              </p>
              <ProgressBar value={dialed} max={c.calls.total} label="Campaign progress" />
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                {(['queued', 'dialing', 'completed', 'interrupted'] as const).map((k) => (
                  <div key={k}>
                    <dt className="text-muted capitalize">{k}</dt>
                    <dd className="font-medium" data-testid={`count-${k}`}>
                      {count(c.calls[k])}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {CALL_OUTCOMES.map((o) => (
                <div key={o} className="flex items-center gap-2">
                  <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: OUTCOME_COLORS[o] }} />
                  <dt className="text-muted">{OUTCOME_LABELS[o]}</dt>
                  <dd className="font-medium" data-testid={`outcome-${o}`}>
                    {count(c.outcomes[o])}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </Card>

        <Card title="Timeline" description="The coming week in Eastern time: when this campaign calls, and when it pauses.">
          <CampaignTimeline campaign={c} profiles={profiles.data} schedules={schedules.data} />
        </Card>

        <Card title="Activity">
          <CampaignCharts campaignId={c.campaign_id} live={live} />
        </Card>

        <Card title="Add phone numbers" description="New numbers join the end of the queue, also while the campaign runs. Numbers already in it are skipped.">
          <AddCalls campaignId={c.campaign_id} />
        </Card>

        <Card title="Call log">
          <CallLog campaignId={c.campaign_id} live={live} />
        </Card>

        {c.result_url && (
          <Card
            title="Result deliveries"
            description={`Each ended call's result is POSTed to ${c.result_url}, retried with growing pauses until it is accepted. Results it gave up on can be sent again.`}
          >
            <ResultDeliveries campaignId={c.campaign_id} />
          </Card>
        )}
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete campaign #${c.campaign_id}?`}
        confirmLabel="Delete campaign"
        pending={remove.isPending}
        error={remove.error ? <Alert tone="error">{messageOf(remove.error)}</Alert> : null}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(c.campaign_id, {
            onSuccess: () => router.push('/campaigns'),
          })
        }
      >
        Its phone list and call log are deleted too. This can’t be undone.
      </ConfirmDialog>
    </>
  );
}
