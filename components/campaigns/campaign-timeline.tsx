'use client';
import { useEffect, useMemo, useState } from 'react';
import { describePace, formatEastern, formatLocal, localZone } from '@/lib/client/format';
import { easternInstant, planOf, timelineDays } from '@/lib/client/plan';
import type { Campaign, Profile, Schedule } from '@/lib/client/types';
import { EASTERN, easternDate, nextSlotAfter, planStretches, type PlannedStretch } from '@/lib/pacing';
import { profileName } from '../profiles/profiles-view';

/** Re-renders every `ms` so the "now" marker moves. */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const dayLabel = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
const labelOf = (ymd: string) => dayLabel.format(new Date(`${ymd}T12:00:00Z`));
const hhmm = (t: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(t));

/** Joins back-to-back stretches of one kind and window (a profile without pauses is one block). */
function merged(stretches: PlannedStretch[]): PlannedStretch[] {
  const out: PlannedStretch[] = [];
  for (const s of stretches) {
    const last = out[out.length - 1];
    if (last && last.kind === s.kind && last.windowIndex === s.windowIndex && last.end.getTime() === s.start.getTime())
      out[out.length - 1] = { ...last, end: s.end, slots: last.slots + s.slots };
    else out.push(s);
  }
  return out;
}

const TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/**
 * A week of the campaign in Eastern time: for each date, a 24-hour bar (DST days are 23 or 25
 * hours long and drawn to scale) with its windows striped into calling periods and pauses, a
 * "now" marker, and the next dial. The viewer's own clock is shown beside the Eastern one.
 */
export function CampaignTimeline({ campaign, profiles, schedules }: { campaign: Campaign; profiles?: Profile[]; schedules?: Schedule[] }) {
  const now = useNow();
  const zone = localZone();
  const sameZone = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).format(now) ===
    new Intl.DateTimeFormat('en-US', { timeZone: EASTERN, timeZoneName: 'short' }).format(now);
  const plan = useMemo(() => planOf(campaign, profiles, schedules), [campaign, profiles, schedules]);
  const days = useMemo(() => (plan ? timelineDays(plan, now) : []), [plan, now]);
  const rows = useMemo(
    () => (plan ? days.map((d) => ({ day: d, stretches: d.dialing ? merged(planStretches(plan, new Date(d.start), new Date(d.end))) : [] })) : []),
    [plan, days],
  );
  if (!plan) return <p className="text-sm text-muted">Loading the plan…</p>;

  const next = campaign.next_dial_at ? new Date(campaign.next_dial_at) : null;
  const waiting = campaign.calls.queued > 0;
  const hypothetical = !next && waiting && campaign.status !== 'running' && campaign.status !== 'ended' ? nextSlotAfter(plan, now) : null;
  const today = easternDate(now);
  const profileById = new Map(profiles?.map((p) => [p.profile_id, p]));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="next-dial">
        {next ? (
          <p>
            <span className="font-medium">Next call:</span> {formatEastern(next)}
            {!sameZone && <span className="text-muted"> ({formatLocal(next)} your time)</span>}
          </p>
        ) : hypothetical ? (
          <p>
            <span className="font-medium">If started now, the first call would be:</span> {formatEastern(hypothetical)}
            {!sameZone && <span className="text-muted"> ({formatLocal(hypothetical)} your time)</span>}
          </p>
        ) : (
          <p className="text-muted">
            {campaign.status === 'ended'
              ? 'The campaign has ended: no more calls.'
              : !waiting
                ? 'No numbers are waiting: add phone numbers to call again.'
                : 'No calling window remains before the end date.'}
          </p>
        )}
        <p className="text-muted">
          Now: {formatEastern(now, false)}
          {!sameZone && ` · ${formatLocal(now, false)} your time (${zone})`}
        </p>
      </div>

      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Week timeline (scrolls sideways)">
        <div className="min-w-[36rem]" role="img" aria-label={`Timeline of the week from ${labelOf(days[0].date)}: see the window list below for the same information as text.`}>
          <div aria-hidden className="grid grid-cols-[6.5rem_1fr] gap-x-2 text-[11px] text-muted">
            <span className="self-end">Eastern</span>
            <div className="relative h-4">
              {TICKS.map((h) => (
                <span key={h} className="absolute -translate-x-1/2 whitespace-nowrap first:translate-x-0 last:-translate-x-full" style={{ left: `${(h / 24) * 100}%` }}>
                  {String(h).padStart(2, '0')}:00
                </span>
              ))}
            </div>
            {!sameZone && (
              <>
                <span className="self-end">Your time</span>
                <div className="relative h-4">
                  {TICKS.map((h) => {
                    const t = days[0].start + (h / 24) * (days[0].end - days[0].start);
                    return (
                      <span key={h} className="absolute -translate-x-1/2 whitespace-nowrap first:translate-x-0 last:-translate-x-full" style={{ left: `${(h / 24) * 100}%` }}>
                        {hhmm(t, zone)}
                      </span>
                    );
                  })}
                </div>
              </>
            )}
          </div>
          <ol aria-hidden className="mt-1 flex flex-col gap-1.5">
            {rows.map(({ day, stretches }) => {
              const span = day.end - day.start;
              const pos = (t: number) => `${(Math.max(0, Math.min(span, t - day.start)) / span) * 100}%`;
              const isToday = day.date === today;
              return (
                <li key={day.date} className="grid grid-cols-[6.5rem_1fr] items-center gap-x-2" data-testid="timeline-day" data-date={day.date}>
                  <span className={`text-xs ${isToday ? 'font-semibold' : 'text-muted'}`}>
                    {labelOf(day.date)}
                    {isToday && ' (today)'}
                  </span>
                  <div className={`relative h-7 overflow-hidden rounded border border-border ${day.dialing ? 'bg-surface' : 'bg-surface-2'}`}>
                    {TICKS.slice(1, -1).map((h) => (
                      <span key={h} className="absolute inset-y-0 w-px bg-border" style={{ left: `${(h / 24) * 100}%` }} />
                    ))}
                    {!day.dialing && <span className="absolute inset-0 grid place-items-center text-[11px] text-muted">No calls: {day.reason}</span>}
                    {stretches.map((s, i) => {
                      const a = Math.max(s.start.getTime(), day.start);
                      const b = Math.min(s.end.getTime(), day.end);
                      return (
                        <span
                          key={i}
                          data-kind={s.kind}
                          title={`${s.kind === 'active' ? `Calling (${s.slots} calls)` : 'Pause'} ${hhmm(a, EASTERN)}–${hhmm(b, EASTERN)} ET${
                            sameZone ? '' : ` · ${hhmm(a, zone)}–${hhmm(b, zone)} your time`
                          }`}
                          className={`absolute inset-y-1 ${s.kind === 'active' ? 'rounded-sm bg-active' : 'stripe-idle'}`}
                          style={{ left: pos(a), width: `calc(${pos(b)} - ${pos(a)})` }}
                        />
                      );
                    })}
                    {now.getTime() >= day.start && now.getTime() < day.end && (
                      <span className="absolute inset-y-0 w-0.5 bg-danger" style={{ left: pos(now.getTime()) }} data-testid="now-marker" />
                    )}
                    {next && next.getTime() >= day.start && next.getTime() < day.end && (
                      <span className="absolute inset-y-0 w-0 border-l-2 border-dashed border-success" style={{ left: pos(next.getTime()) }} />
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          <div aria-hidden className="mt-2 flex flex-wrap gap-4 pl-[7rem] text-xs text-muted">
            <span className="inline-flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded-sm bg-active" /> calling
            </span>
            <span className="inline-flex items-center gap-1">
              <span className="stripe-idle inline-block h-3 w-3 rounded-sm border border-border" /> pause
            </span>
            <span className="inline-flex items-center gap-1">
              <span className="inline-block h-3 w-0.5 bg-danger" /> now
            </span>
            {next && (
              <span className="inline-flex items-center gap-1">
                <span className="inline-block h-3 w-0 border-l-2 border-dashed border-success" /> next call
              </span>
            )}
          </div>
        </div>
      </div>

      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Calling windows (scrolls sideways)">
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="window-table">
        <caption className="mb-1 text-left text-xs text-muted">Calling windows on each schedule day ({plan.days.join(', ')})</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Window (ET)</th>
            {!sameZone && <th className="py-1 pr-3 font-medium">Your time, {labelOf(days[0].date)}</th>}
            <th className="py-1 pr-3 font-medium">Profile</th>
            <th className="py-1 font-medium">Pace</th>
          </tr>
        </thead>
        <tbody>
          {campaign.profiles.map((w, i) => {
            const p = profileById.get(w.profile_id);
            return (
              <tr key={i} className="border-t border-border">
                <td className="py-1.5 pr-3 font-mono">
                  {w.start_time}–{w.end_time}
                </td>
                {!sameZone && (
                  <td className="py-1.5 pr-3 font-mono">
                    {hhmm(easternInstant(days[0].date, w.start_time), zone)}–{hhmm(easternInstant(days[0].date, w.end_time), zone)}
                  </td>
                )}
                <td className="py-1.5 pr-3">{p ? profileName(p) : w.nickname ?? `#${w.profile_id}`}</td>
                <td className="py-1.5 text-muted">{p ? describePace(p) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}
