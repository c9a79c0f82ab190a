'use client';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCampaignStats } from '@/lib/client/campaigns';
import { count } from '@/lib/client/format';
import { CALL_OUTCOMES } from '@/lib/enums';
import { QueryState } from '../ui/query-state';
import { OUTCOME_COLORS, OUTCOME_LABELS } from './campaign-numbers';

const hourLabel = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--fg)', borderRadius: 6, fontSize: 12 };

/** Dials per hour (stacked by outcome) and the outcome mix, drawn with recharts. */
export function CampaignCharts({ campaignId, live }: { campaignId: number; live: boolean }) {
  const stats = useCampaignStats(campaignId, live);
  if (!stats.data) return <QueryState isPending={stats.isPending} error={stats.error} refetch={stats.refetch} what="call statistics" />;
  const hours = stats.data.dials_per_hour.map((h) => ({ ...h, label: hourLabel(h.hour) }));
  const mix = CALL_OUTCOMES.map((o) => ({ key: o, name: OUTCOME_LABELS[o], value: stats.data.outcomes[o] }));
  const finished = mix.reduce((s, m) => s + m.value, 0);
  const totalDials = hours.reduce((s, h) => s + h.dials, 0);

  if (totalDials === 0 && finished === 0)
    return <p className="text-sm text-muted">No calls have been dialed yet. Once the campaign runs, dials per hour and outcomes appear here.</p>;

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <figure>
        <figcaption className="mb-2 text-sm font-medium">Dials per hour (your time)</figcaption>
        <div className="h-64" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={hours} margin={{ top: 4, right: 8, bottom: 4, left: -16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" minTickGap={24} />
              <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 11 }} stroke="var(--border)" />
              <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--surface-2)' }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {CALL_OUTCOMES.map((o) => (
                <Bar key={o} dataKey={o} name={OUTCOME_LABELS[o]} stackId="dials" fill={OUTCOME_COLORS[o]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <p className="sr-only">
          {hours.map((h) => `${h.label}: ${h.dials} dials`).join('; ')}
        </p>
      </figure>
      <figure>
        <figcaption className="mb-2 text-sm font-medium">Outcome mix ({count(finished)} finished calls)</figcaption>
        <div className="h-48" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <PieChart accessibilityLayer={false}>
              <Pie rootTabIndex={-1} data={mix} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="90%" isAnimationActive={false} stroke="var(--surface)">
                {mix.map((m) => (
                  <Cell key={m.key} fill={OUTCOME_COLORS[m.key]} />
                ))}
              </Pie>
              <Tooltip contentStyle={tooltipStyle} />
            </PieChart>
          </ResponsiveContainer>
        </div>
        <ul className="mt-2 grid grid-cols-2 gap-1 text-sm" data-testid="outcome-mix">
          {mix.map((m) => (
            <li key={m.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: OUTCOME_COLORS[m.key] }} />
              {m.name}: <span className="font-medium">{count(m.value)}</span>
              {finished > 0 && <span className="text-muted">({Math.round((m.value / finished) * 100)}%)</span>}
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
