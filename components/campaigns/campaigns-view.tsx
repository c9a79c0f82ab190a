'use client';
import Link from 'next/link';
import { useCampaigns } from '@/lib/client/campaigns';
import { count, formatCalendarDate, formatEastern } from '@/lib/client/format';
import { useProfiles } from '@/lib/client/profiles';
import { useSchedules } from '@/lib/client/schedules';
import { CALL_OUTCOMES } from '@/lib/enums';
import { LinkButton } from '../ui/button';
import { EmptyState, PageHeader, ProgressBar } from '../ui/feedback';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { dialedOf, OUTCOME_COLORS, OUTCOME_LABELS } from './campaign-numbers';

export function CampaignsView() {
  const campaigns = useCampaigns();
  const schedules = useSchedules();
  const profiles = useProfiles();
  const missing = [schedules.data?.length === 0 && 'schedule', profiles.data?.length === 0 && 'profile'].filter(Boolean);

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Each campaign calls its phone list on its schedule’s days, through paced windows. Running campaigns update live."
        actions={<LinkButton href="/campaigns/new">New campaign</LinkButton>}
      />
      <QueryState isPending={campaigns.isPending} error={campaigns.error} refetch={campaigns.refetch} what="campaigns" />
      {campaigns.data?.length === 0 && (
        <EmptyState
          title="No campaigns yet"
          action={
            missing.length > 0 ? (
              <div className="flex flex-wrap justify-center gap-2">
                {missing.includes('schedule') && <LinkButton href="/schedules">1. Create a schedule</LinkButton>}
                {missing.includes('profile') && (
                  <LinkButton href="/profiles" variant={missing.includes('schedule') ? 'secondary' : 'primary'}>
                    {missing.includes('schedule') ? '2.' : '1.'} Create a profile
                  </LinkButton>
                )}
              </div>
            ) : (
              <LinkButton href="/campaigns/new">Create your first campaign</LinkButton>
            )
          }
        >
          {missing.length > 0
            ? `A campaign needs a schedule (which days it calls) and a pacing profile (how fast). You have no ${missing.join(' and no ')} yet: start there.`
            : 'You have schedules and profiles: create a campaign, upload its phone list and start it.'}
        </EmptyState>
      )}
      {campaigns.data && campaigns.data.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label="Campaigns">
          {campaigns.data.map((c) => {
            const dialed = dialedOf(c);
            return (
              <li key={c.campaign_id} className="rounded-lg border border-border bg-surface p-4" data-testid="campaign-row">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="flex flex-wrap items-center gap-3">
                    <Link href={`/campaigns/${c.campaign_id}`} className="text-base font-semibold underline-offset-2 hover:underline">
                      Campaign #{c.campaign_id}
                    </Link>
                    <StatusBadge status={c.status} />
                  </div>
                  <p className="text-sm text-muted">
                    {formatCalendarDate(c.start_date)} – {formatCalendarDate(c.end_date)} · {c.schedule_nickname} ·{' '}
                    {c.profiles.map((w) => `${w.start_time}–${w.end_time}`).join(', ')} ET
                  </p>
                </div>
                <div className="mt-3 grid gap-3 md:grid-cols-[2fr_2fr_1.4fr] md:items-center">
                  <div>
                    <p className="mb-1 text-sm">
                      <span className="font-medium">{count(dialed)}</span> of {count(c.calls.total)} dialed
                    </p>
                    <ProgressBar value={dialed} max={c.calls.total} label={`Campaign #${c.campaign_id} progress`} />
                  </div>
                  <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`Outcomes of campaign #${c.campaign_id}`}>
                    {CALL_OUTCOMES.map((o) => (
                      <li key={o} className="inline-flex items-center gap-1.5">
                        <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: OUTCOME_COLORS[o] }} />
                        {OUTCOME_LABELS[o]} <span className="font-medium">{count(c.outcomes[o])}</span>
                      </li>
                    ))}
                  </ul>
                  <p className="text-sm">
                    <span className="text-muted">Next call: </span>
                    {c.next_dial_at ? formatEastern(c.next_dial_at) : c.status === 'running' ? 'none due' : '—'}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
