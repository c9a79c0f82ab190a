import { afterEach, describe, expect, it, vi } from 'vitest';
import { easternOffsetAt, wallTimeResolver } from './easternClock';
import { readEasternClock } from './testing/easternOracle';
import { plan, profile, window } from './testing/fixtures';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const instant = (date: string, time: string) => new Date(wallTimeResolver(date)(time)).toISOString();

/** The offset Intl reports at `t`, read through the independent oracle (whole minutes). */
function intlOffsetAt(t: number): number {
  const { date, time } = readEasternClock(t);
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

describe('easternOffsetAt', () => {
  it('is -5 h in winter and -4 h in summer', () => {
    expect(easternOffsetAt(Date.parse('2026-01-15T12:00:00Z'))).toBe(-5 * HOUR_MS);
    expect(easternOffsetAt(Date.parse('2026-07-15T12:00:00Z'))).toBe(-4 * HOUR_MS);
  });

  it('changes at the exact millisecond of each transition', () => {
    expect(easternOffsetAt(Date.parse('2026-03-08T06:59:59.999Z'))).toBe(-5 * HOUR_MS);
    expect(easternOffsetAt(Date.parse('2026-03-08T07:00:00.000Z'))).toBe(-4 * HOUR_MS);
    expect(easternOffsetAt(Date.parse('2026-11-01T05:59:59.999Z'))).toBe(-4 * HOUR_MS);
    expect(easternOffsetAt(Date.parse('2026-11-01T06:00:00.000Z'))).toBe(-5 * HOUR_MS);
  });

  it('agrees with Intl every 211 minutes from 2025 to 2027, whether recalled or computed', () => {
    // 211 minutes walks through every time of day. Each instant, and the millisecond before it, is
    // asked twice: the second answer comes from the memo.
    const disagreements: string[] = [];
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += 211 * MINUTE_MS) {
      for (const u of [t, t - 1]) {
        const expected = intlOffsetAt(u);
        if (easternOffsetAt(u) !== expected || easternOffsetAt(u) !== expected) disagreements.push(new Date(u).toISOString());
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('wallTimeResolver', () => {
  it('resolves ordinary dates with their one offset', () => {
    expect(instant('2026-01-05', '09:00')).toBe('2026-01-05T14:00:00.000Z');
    expect(instant('2026-06-01', '09:00')).toBe('2026-06-01T13:00:00.000Z');
    expect(instant('2026-06-01', '00:00')).toBe('2026-06-01T04:00:00.000Z');
    expect(instant('2026-06-01', '23:59')).toBe('2026-06-02T03:59:00.000Z');
  });

  it('resolves a wall time missing on the spring-forward date to the transition instant', () => {
    expect(instant('2026-03-08', '01:59')).toBe('2026-03-08T06:59:00.000Z'); // 01:59 EST
    expect(instant('2026-03-08', '02:00')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(instant('2026-03-08', '02:30')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(instant('2026-03-08', '02:59')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(instant('2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(instant('2026-03-08', '03:01')).toBe('2026-03-08T07:01:00.000Z'); // 03:01 EDT
    expect(instant('2026-03-08', '04:00')).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT
  });

  it('never resolves a later wall time to an earlier instant, on any date of 2025–2027', () => {
    const backward: string[] = [];
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const resolve = wallTimeResolver(date);
      let previous = -Infinity;
      for (let minutes = 0; minutes < 24 * 60; minutes += 1) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const at = resolve(time);
        if (at < previous) backward.push(`${date} ${time}`);
        previous = at;
      }
    }
    expect(backward).toEqual([]);
  });

  it('resolves a wall time repeated on the fall-back date to its first (EDT) occurrence', () => {
    expect(instant('2026-11-01', '00:59')).toBe('2026-11-01T04:59:00.000Z'); // EDT
    expect(instant('2026-11-01', '01:00')).toBe('2026-11-01T05:00:00.000Z'); // EDT, not 06:00Z EST
    expect(instant('2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z'); // EDT, not 06:30Z EST
    expect(instant('2026-11-01', '01:59')).toBe('2026-11-01T05:59:00.000Z'); // EDT
    expect(instant('2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z'); // EST
  });

  it('resolves the days next to a transition with their own offset', () => {
    expect(instant('2026-03-07', '23:00')).toBe('2026-03-08T04:00:00.000Z');
    expect(instant('2026-03-09', '00:30')).toBe('2026-03-09T04:30:00.000Z');
    expect(instant('2026-10-31', '23:00')).toBe('2026-11-01T03:00:00.000Z');
    expect(instant('2026-11-02', '00:30')).toBe('2026-11-02T05:30:00.000Z');
  });

  it('rejects what is not a date or an HH:MM time', () => {
    expect(() => wallTimeResolver('2026-13-01')).toThrow(RangeError);
    expect(() => wallTimeResolver('2026-06-01')('24:00')).toThrow(RangeError);
    expect(() => wallTimeResolver('2026-06-01')('9:00')).toThrow(RangeError);
  });
});

// date-fns-tz formats wall-clock fields through a Date in the server's own zone, which breaks when
// that zone skips the same wall time (London at 01:30 on 2026-03-29) and changes which occurrence
// fromZonedTime picks in the fall (Lord Howe). The planner must not care where it runs.
describe('independence from the server time zone', () => {
  const serverZone = process.env.TZ;
  afterEach(() => {
    if (serverZone === undefined) delete process.env.TZ;
    else process.env.TZ = serverZone;
  });

  it.each(['Europe/London', 'Australia/Lord_Howe', 'America/Los_Angeles', 'UTC'])('gives the same answers on a %s server', async (zone) => {
    process.env.TZ = zone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    // Fresh modules, so every answer is computed in this zone rather than recalled from the memo.
    vi.resetModules();
    const { wallTimeResolver } = await import('./easternClock');
    const { easternDate } = await import('./easternDate');
    const { planSlots } = await import('./planSlots');
    const freshInstant = (date: string, time: string) => new Date(wallTimeResolver(date)(time)).toISOString();
    expect(easternDate(new Date('2026-03-29T05:30:00Z'))).toBe('2026-03-29');
    expect(freshInstant('2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(freshInstant('2026-03-08', '02:30')).toBe('2026-03-08T07:00:00.000Z');
    const slots = planSlots(
      plan([window('01:00', '02:00', profile(30, 1, 0))]),
      new Date('2026-03-29T00:00:00Z'),
      new Date('2026-03-30T00:00:00Z'),
    );
    expect(slots).toEqual([new Date('2026-03-29T05:00:00Z'), new Date('2026-03-29T05:30:00Z')]);
  });
});
