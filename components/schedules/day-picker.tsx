'use client';
import { useId, useRef, type KeyboardEvent } from 'react';
import { WEEKDAYS, type Weekday } from '@/lib/enums';
import { cx } from '../ui/cx';

export const DAY_LABELS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const PRESETS: Array<{ label: string; days: readonly Weekday[] }> = [
  { label: 'Weekdays', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
  { label: 'Weekends', days: ['sat', 'sun'] },
  { label: 'Every day', days: WEEKDAYS },
];

const same = (a: readonly Weekday[], b: readonly Weekday[]) => a.length === b.length && a.every((d) => b.includes(d));

/**
 * Seven toggle buttons (aria-pressed) and three presets. Each button works with Enter/Space;
 * the arrow keys, Home and End move between the days.
 */
export function DayPicker({
  value,
  onChange,
  label = 'Days',
  error,
  onBlur,
}: {
  value: readonly Weekday[];
  onChange: (days: Weekday[]) => void;
  label?: string;
  error?: string;
  onBlur?: () => void;
}) {
  const labelId = useId();
  const errorId = useId();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const toggle = (day: Weekday) => onChange(WEEKDAYS.filter((d) => (d === day ? !value.includes(d) : value.includes(d))));
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: 6 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    buttons.current[(target + 7) % 7]?.focus();
  };
  return (
    <div className="flex flex-col gap-2">
      <span id={labelId} className="text-sm font-medium">
        {label}
      </span>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        className="flex flex-wrap gap-1.5"
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onBlur?.();
        }}
      >
        {WEEKDAYS.map((day, i) => {
          const on = value.includes(day);
          return (
            <button
              key={day}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              aria-pressed={on}
              title={DAY_NAMES[day]}
              onClick={() => toggle(day)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={cx(
                'min-w-12 rounded-md border px-3 py-2 text-sm font-medium transition-colors',
                on ? 'border-accent bg-accent text-accent-fg' : 'border-border bg-surface text-fg hover:bg-surface-2',
              )}
            >
              {DAY_LABELS[day]}
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-1.5 text-sm">
        <span className="text-muted">Presets:</span>
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            onClick={() => onChange([...p.days])}
            aria-pressed={same(value, p.days)}
            className={cx(
              'rounded-full border px-3 py-1 text-xs font-medium',
              same(value, p.days) ? 'border-accent bg-accent-soft text-accent-soft-fg' : 'border-border text-muted hover:bg-surface-2 hover:text-fg',
            )}
          >
            {p.label}
          </button>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** The days of a schedule as seven small chips, chosen ones filled. */
export function DayChips({ days }: { days: readonly Weekday[] }) {
  return (
    <span className="inline-flex flex-wrap gap-1" aria-label={days.map((d) => DAY_NAMES[d]).join(', ')} role="img">
      {WEEKDAYS.map((d) => (
        <span
          key={d}
          aria-hidden
          className={cx(
            'rounded px-1.5 py-0.5 text-xs font-medium',
            days.includes(d) ? 'bg-accent-soft text-accent-soft-fg' : 'text-muted line-through',
          )}
        >
          {DAY_LABELS[d]}
        </span>
      ))}
    </span>
  );
}
