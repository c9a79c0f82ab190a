import { describe, expect, it } from 'vitest';
import { planSlots } from './planSlots';
import { edt, plan, profile, window } from './testing/fixtures';

// 2026-06-01 is a Monday in daylight time (EDT, UTC-4).
const MONDAY = '2026-06-01';
const wholeDay = (date: string) => [edt(`${date}T00:00`), edt(`${date}T23:59:59.999`)] as const;
const slotsOn = (p: Parameters<typeof planSlots>[0], date: string) => {
  const [dayStart, dayEnd] = wholeDay(date);
  // `from` is exclusive: start a millisecond early so a 00:00 slot counts.
  return planSlots(p, new Date(dayStart.getTime() - 1), dayEnd);
};
const times = (date: string, ...hhmm: string[]) => hhmm.map((t) => edt(`${date}T${t}`));

describe('planSlots', () => {
  it('paces a plain weekday window: active periods with evenly spread slots, then idle', () => {
    const p = plan([window('09:00', '11:00', profile(30, 3, 30))], { days: ['mon'] });
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '09:00', '09:10', '09:20', '10:00', '10:10', '10:20'));
  });

  it('gives nothing on dates outside [startDate, endDate] or on days not in the schedule', () => {
    const pace = [window('09:00', '10:00', profile(60, 2, 0))];
    expect(slotsOn(plan(pace, { startDate: '2026-06-02' }), MONDAY)).toEqual([]);
    expect(slotsOn(plan(pace, { endDate: '2026-05-31' }), MONDAY)).toEqual([]);
    expect(slotsOn(plan(pace, { days: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }), MONDAY)).toEqual([]);
    expect(slotsOn(plan(pace, { days: [] }), MONDAY)).toEqual([]);
  });

  it('includes the start and end dates themselves', () => {
    const pace = [window('09:00', '10:00', profile(60, 2, 0))];
    const oneDay = plan(pace, { startDate: MONDAY, endDate: MONDAY });
    expect(slotsOn(oneDay, MONDAY)).toEqual(times(MONDAY, '09:00', '09:30'));
  });

  it('paces a window that opens at midnight', () => {
    const p = plan([window('00:00', '00:30', profile(10, 2, 0))]);
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '00:00', '00:05', '00:10', '00:15', '00:20', '00:25'));
  });

  it('reads dates in Eastern time for an interval spanning Eastern midnight', () => {
    // Both windows on Sundays and Mondays only: 05-31 is a Sunday, 06-02 a Tuesday.
    const p = plan([window('23:00', '23:59', profile(10, 1, 10)), window('00:00', '00:30', profile(10, 2, 0))], {
      days: ['sun', 'mon'],
    });
    expect(planSlots(p, edt('2026-05-31T23:15'), edt('2026-06-01T00:10'))).toEqual([
      edt('2026-05-31T23:20'),
      edt('2026-05-31T23:40'),
      edt('2026-06-01T00:00'),
      edt('2026-06-01T00:05'),
      edt('2026-06-01T00:10'),
    ]);
    expect(planSlots(p, edt('2026-06-01T23:00'), edt('2026-06-02T01:00'))).toEqual([
      edt('2026-06-01T23:20'),
      edt('2026-06-01T23:40'),
    ]);
  });

  it('merges several windows with different profiles into one ascending list', () => {
    // Listed out of time order on purpose.
    const p = plan([window('13:00', '14:00', profile(30, 1, 0)), window('09:00', '10:00', profile(60, 2, 0))]);
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '09:00', '09:30', '13:00', '13:30'));
  });

  it('starts a campaign mid-period without catching up on earlier slots', () => {
    const p = plan([window('09:00', '10:00', profile(30, 3, 30))]);
    expect(planSlots(p, edt(`${MONDAY}T09:12`), edt(`${MONDAY}T12:00`))).toEqual(times(MONDAY, '09:20'));
  });

  it('excludes `from` and includes `to`', () => {
    const p = plan([window('09:00', '10:00', profile(30, 3, 30))]);
    expect(planSlots(p, edt(`${MONDAY}T09:00`), edt(`${MONDAY}T09:10`))).toEqual(times(MONDAY, '09:10'));
    expect(planSlots(p, edt(`${MONDAY}T09:10`), edt(`${MONDAY}T09:10`))).toEqual([]);
    expect(planSlots(p, edt(`${MONDAY}T09:20`), edt(`${MONDAY}T09:10`))).toEqual([]);
  });

  it('finds the one slot in a one-second tick', () => {
    const p = plan([window('09:00', '10:00', profile(30, 3, 30))]);
    expect(planSlots(p, edt(`${MONDAY}T09:09:59`), edt(`${MONDAY}T09:10:00`))).toEqual(times(MONDAY, '09:10'));
    expect(planSlots(p, edt(`${MONDAY}T09:10:00`), edt(`${MONDAY}T09:10:01`))).toEqual([]);
  });

  it('cuts a period at the window end when the window is shorter than one period', () => {
    const p = plan([window('09:00', '09:20', profile(60, 6, 0))]);
    // 09:20 would be the third slot but sits on the window end.
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '09:00', '09:10'));
  });

  it('runs periods back to back when time_between_periods is 0', () => {
    const p = plan([window('09:00', '09:30', profile(10, 2, 0))]);
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '09:00', '09:05', '09:10', '09:15', '09:20', '09:25'));
  });

  it('places a single call at the start of each period when the amount is 1', () => {
    const p = plan([window('09:00', '12:00', profile(15, 1, 45))]);
    expect(slotsOn(p, MONDAY)).toEqual(times(MONDAY, '09:00', '10:00', '11:00'));
  });

  it('floors uneven spacing to whole milliseconds', () => {
    const p = plan([window('09:00', '09:01', profile(1, 3, 0))]);
    const start = edt(`${MONDAY}T09:00`).getTime();
    expect(slotsOn(p, MONDAY).map((s) => s.getTime() - start)).toEqual([0, 20_000, 40_000]);
    const seven = plan([window('09:00', '09:01', profile(1, 7, 0))]);
    expect(slotsOn(seven, MONDAY).map((s) => s.getTime() - start)).toEqual([0, 8571, 17142, 25714, 34285, 42857, 51428]);
  });

  it('gives one slot per millisecond when the amount outnumbers the milliseconds', () => {
    const p = plan([window('09:00', '09:02', profile(1, 100_000, 1))]);
    const slots = slotsOn(p, MONDAY);
    expect(slots).toHaveLength(60_000);
    expect(slots[0]).toEqual(edt(`${MONDAY}T09:00`));
    expect(slots.at(-1)).toEqual(edt(`${MONDAY}T09:00:59.999`));
  });

  it('returns each instant once even if windows overlap', () => {
    const p = plan([window('09:00', '10:00', profile(10, 1, 0)), window('09:30', '10:30', profile(10, 1, 0))]);
    const slots = slotsOn(p, MONDAY);
    expect(slots).toEqual(times(MONDAY, '09:00', '09:10', '09:20', '09:30', '09:40', '09:50', '10:00', '10:10', '10:20'));
  });

  it('spans several days, each paced from its own window start', () => {
    const p = plan([window('09:00', '09:30', profile(30, 1, 0))], { days: ['mon', 'wed'] });
    expect(planSlots(p, edt('2026-06-01T00:00'), edt('2026-06-05T00:00'))).toEqual([
      edt('2026-06-01T09:00'),
      edt('2026-06-03T09:00'),
    ]);
  });
});
