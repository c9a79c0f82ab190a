import { describe, expect, it } from 'vitest';
import { planSlots } from './planSlots';
import { plan, profile, window } from './testing/fixtures';

const MINUTE_MS = 60_000;
const SPRING_FORWARD = '2026-03-08'; // 02:00 EST → 03:00 EDT
const FALL_BACK = '2026-11-01'; // 02:00 EDT → 01:00 EST
// Covers the early hours of Eastern `date` and none of the next date's (which begin at 04:00Z or later).
const dayOf = (date: string) => [new Date(`${date}T00:00:00Z`), new Date(`${date}T23:00:00Z`)] as const;
const minuteRate = profile(60, 60, 0); // one slot a minute

function slotsOn(date: string, startTime: string, endTime: string, pace = minuteRate): number[] {
  const [from, to] = dayOf(date);
  return planSlots(plan([window(startTime, endTime, pace)]), from, to).map((s) => s.getTime());
}

const iso = (t: number) => new Date(t).toISOString();
const gaps = (slots: number[]) => slots.slice(1).map((s, i) => s - slots[i]);

describe('spring forward, 2026-03-08', () => {
  it('gives a 01:00–04:00 window 2 real hours: it loses the hour that does not exist', () => {
    const slots = slotsOn(SPRING_FORWARD, '01:00', '04:00');
    expect(slots).toHaveLength(120);
    expect(iso(slots[0])).toBe('2026-03-08T06:00:00.000Z'); // 01:00 EST
    expect(iso(slots[59])).toBe('2026-03-08T06:59:00.000Z'); // 01:59 EST
    expect(iso(slots[60])).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT, one real minute later
    expect(iso(slots.at(-1)!)).toBe('2026-03-08T07:59:00.000Z'); // 03:59 EDT
    // Real instants, one minute apart: none falls in (or is invented for) the missing hour.
    expect(new Set(gaps(slots))).toEqual(new Set([MINUTE_MS]));
  });

  it('runs cycles in real elapsed time across the jump', () => {
    // 50 min active + 10 idle: the second period starts one real hour later, at 03:00 EDT.
    const slots = slotsOn(SPRING_FORWARD, '01:00', '04:00', profile(50, 1, 10));
    expect(slots.map(iso)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it('opens a window starting inside the gap at the transition (02:30–04:00 runs 03:00–04:00 EDT)', () => {
    const slots = slotsOn(SPRING_FORWARD, '02:30', '04:00');
    expect(iso(slots[0])).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(iso(slots.at(-1)!)).toBe('2026-03-08T07:59:00.000Z'); // 03:59 EDT
    expect(slots).toHaveLength(60); // 1 real hour
  });

  it('closes a window ending inside the gap at the transition (01:00–02:30 runs 01:00 EST–03:00 EDT)', () => {
    const slots = slotsOn(SPRING_FORWARD, '01:00', '02:30');
    expect(slots).toHaveLength(60); // 1 real hour
    expect(iso(slots[0])).toBe('2026-03-08T06:00:00.000Z'); // 01:00 EST
    expect(iso(slots.at(-1)!)).toBe('2026-03-08T06:59:00.000Z'); // 01:59 EST
    // One slot a millisecond: the last is 01:59:59.999 EST, and the next instant reads 03:00 EDT,
    // so no slot reads 02:30 or later.
    const everyMs = plan([window('01:00', '02:30', profile(1, 60_000, 0))]);
    const lastSlots = planSlots(everyMs, new Date('2026-03-08T06:59:59.997Z'), new Date('2026-03-08T08:00:00Z'));
    expect(lastSlots.map((s) => s.toISOString())).toEqual(['2026-03-08T06:59:59.998Z', '2026-03-08T06:59:59.999Z']);
  });

  it('leaves a window wholly inside the gap empty that day (02:15–02:45 starts and ends at the transition)', () => {
    expect(slotsOn(SPRING_FORWARD, '02:15', '02:45')).toEqual([]);
    expect(slotsOn(SPRING_FORWARD, '02:00', '02:59')).toEqual([]);
  });

  it('opens a window starting inside the gap and ending after it at the transition (02:30–03:15 runs 03:00–03:15 EDT)', () => {
    const slots = slotsOn(SPRING_FORWARD, '02:30', '03:15');
    expect(slots).toHaveLength(15);
    expect(iso(slots[0])).toBe('2026-03-08T07:00:00.000Z');
  });

  it('keeps windows apart in real time when they are apart in wall time', () => {
    // 01:00–02:30 ends at 03:00 EDT, exactly where 02:45–04:00 and 03:00–04:00 begin.
    for (const next of ['02:45', '03:00']) {
      const p = plan([window(next, '04:00', profile(10, 2, 0)), window('01:00', '02:30', profile(10, 1, 0))]);
      const slots = planSlots(p, ...dayOf(SPRING_FORWARD)).map((s) => s.getTime());
      const transition = Date.parse('2026-03-08T07:00:00Z');
      expect(slots.filter((s) => s < transition)).toHaveLength(6); // 01:00–01:50 EST, one every 10 min
      expect(slots.filter((s) => s >= transition).map(iso).slice(0, 3)).toEqual([
        '2026-03-08T07:00:00.000Z',
        '2026-03-08T07:05:00.000Z',
        '2026-03-08T07:10:00.000Z',
      ]);
      expect(slots).toHaveLength(6 + 12);
    }
  });

  it('is whole again the next day', () => {
    expect(slotsOn('2026-03-09', '01:00', '02:30')).toHaveLength(90);
    expect(iso(slotsOn('2026-03-09', '02:30', '04:00')[0])).toBe('2026-03-09T06:30:00.000Z'); // 02:30 EDT
  });
});

describe('fall back, 2026-11-01', () => {
  it('gives a 00:00–03:00 window 4 real hours, strictly increasing, with no instant twice', () => {
    const slots = slotsOn(FALL_BACK, '00:00', '03:00');
    expect(slots).toHaveLength(240);
    expect(new Set(slots).size).toBe(240);
    expect(new Set(gaps(slots))).toEqual(new Set([MINUTE_MS]));
    expect(iso(slots[0])).toBe('2026-11-01T04:00:00.000Z'); // 00:00 EDT
    expect(iso(slots[60])).toBe('2026-11-01T05:00:00.000Z'); // 01:00 EDT
    expect(iso(slots[120])).toBe('2026-11-01T06:00:00.000Z'); // 01:00 EST, the repeated hour
    expect(iso(slots.at(-1)!)).toBe('2026-11-01T07:59:00.000Z'); // 02:59 EST
  });

  it('opens a window at the first occurrence of a repeated wall time', () => {
    const slots = slotsOn(FALL_BACK, '01:30', '02:00');
    expect(iso(slots[0])).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    // Until 02:00 EST, through the whole repeated hour: 01:00–01:29 EST is dialed although it lies
    // before the window's start, the one exception to the wall-clock rule (see index.ts).
    expect(slots).toHaveLength(90);
    expect(iso(slots[30])).toBe('2026-11-01T06:00:00.000Z'); // 01:00 EST
  });

  it('closes a window at the first occurrence too, so the repeated hour is not dialed again', () => {
    const slots = slotsOn(FALL_BACK, '01:00', '01:30');
    expect(slots).toHaveLength(30);
    expect(iso(slots.at(-1)!)).toBe('2026-11-01T05:29:00.000Z'); // 01:29 EDT
  });
});
