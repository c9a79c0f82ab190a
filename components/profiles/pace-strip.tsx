import type { PaceNumbers } from '@/lib/client/format';
import { minutesText } from '@/lib/client/format';

/**
 * One or two hours of a profile's cycle from the start of a window: solid = active period
 * (calls spread evenly across it), hatched = pause. Pure layout, no chart library needed.
 */
export function PaceStrip({ pace, compact }: { pace: PaceNumbers; compact?: boolean }) {
  const cycle = pace.period + pace.time_between_periods;
  const span = cycle <= 30 ? 60 : 120;
  const segments: Array<{ kind: 'active' | 'idle'; start: number; end: number }> = [];
  for (let t = 0; t < span; t += cycle) {
    segments.push({ kind: 'active', start: t, end: Math.min(t + pace.period, span) });
    if (pace.time_between_periods > 0 && t + pace.period < span)
      segments.push({ kind: 'idle', start: t + pace.period, end: Math.min(t + cycle, span) });
    if (segments.length > 400) break;
  }
  const ticks = span === 60 ? [0, 15, 30, 45, 60] : [0, 30, 60, 90, 120];
  const summary = `First ${span === 60 ? 'hour' : 'two hours'} of a window: ${minutesText(pace.period)} calling, ${
    pace.time_between_periods ? `${minutesText(pace.time_between_periods)} pause` : 'no pause'
  }, repeating.`;
  return (
    <figure className="w-full" aria-label={summary} role="img">
      <div aria-hidden className={`relative w-full overflow-hidden rounded border border-border bg-surface ${compact ? 'h-3' : 'h-6'}`}>
        {segments.map((s, i) => (
          <div
            key={i}
            className={`absolute inset-y-0 ${s.kind === 'active' ? 'bg-active' : 'stripe-idle'}`}
            style={{ left: `${(s.start / span) * 100}%`, width: `${((s.end - s.start) / span) * 100}%` }}
          />
        ))}
      </div>
      {!compact && (
        <div aria-hidden className="relative mt-1 h-4 text-[11px] text-muted">
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2 whitespace-nowrap first:translate-x-0 last:-translate-x-full" style={{ left: `${(t / span) * 100}%` }}>
              {t === 0 ? 'window start' : `+${minutesText(t)}`}
            </span>
          ))}
        </div>
      )}
      {!compact && (
        <figcaption className="mt-1 flex flex-wrap gap-3 text-xs text-muted">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-active" /> calling
          </span>
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="stripe-idle inline-block h-3 w-3 rounded-sm border border-border" /> pause
          </span>
        </figcaption>
      )}
    </figure>
  );
}
