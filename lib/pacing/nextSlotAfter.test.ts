import { describe, expect, it } from 'vitest';
import { nextSlotAfter } from './nextSlotAfter';
import { edt, est, plan, profile, window } from './testing/fixtures';

// Weekdays 09:00–17:00, 20 min active with 4 calls (one every 5 min), then 40 min idle.
const weekdays = plan([window('09:00', '17:00', profile(20, 4, 40))], { days: ['mon', 'tue', 'wed', 'thu', 'fri'] });

describe('nextSlotAfter', () => {
  it('is the next slot of the current active period', () => {
    expect(nextSlotAfter(weekdays, edt('2026-06-01T09:07'))).toEqual(edt('2026-06-01T09:10'));
  });

  it('is strictly after an instant that is itself a slot', () => {
    expect(nextSlotAfter(weekdays, edt('2026-06-01T09:10'))).toEqual(edt('2026-06-01T09:15'));
  });

  it('jumps an idle gap to the next period', () => {
    expect(nextSlotAfter(weekdays, edt('2026-06-01T09:15'))).toEqual(edt('2026-06-01T10:00'));
    expect(nextSlotAfter(weekdays, edt('2026-06-01T09:45'))).toEqual(edt('2026-06-01T10:00'));
  });

  it('waits for the window to open', () => {
    expect(nextSlotAfter(weekdays, edt('2026-06-01T03:00'))).toEqual(edt('2026-06-01T09:00'));
  });

  it('skips the weekend', () => {
    // Friday 06-05 after the last slot (16:15) → Monday 06-08 09:00.
    expect(nextSlotAfter(weekdays, edt('2026-06-05T16:15'))).toEqual(edt('2026-06-08T09:00'));
    expect(nextSlotAfter(weekdays, edt('2026-06-06T12:00'))).toEqual(edt('2026-06-08T09:00'));
  });

  it('skips to the next window of the same day', () => {
    const twoWindows = plan([window('14:00', '15:00', profile(60, 1, 0)), window('09:00', '10:00', profile(60, 1, 0))]);
    expect(nextSlotAfter(twoWindows, edt('2026-06-01T09:00'))).toEqual(edt('2026-06-01T14:00'));
  });

  it('waits for the campaign to start, however far ahead', () => {
    const later = { ...weekdays, startDate: '2027-09-01', endDate: '2027-09-30' };
    expect(nextSlotAfter(later, edt('2026-06-01T12:00'))).toEqual(edt('2027-09-01T09:00'));
  });

  it('crosses a DST change in real time', () => {
    // Friday 03-06 (EST) after hours → Monday 03-09, now EDT.
    expect(nextSlotAfter(weekdays, est('2026-03-06T18:00'))).toEqual(edt('2026-03-09T09:00'));
  });

  it('is null after the last slot of the campaign and after its end', () => {
    const ending = { ...weekdays, endDate: '2026-06-05' };
    expect(nextSlotAfter(ending, edt('2026-06-05T16:14'))).toEqual(edt('2026-06-05T16:15'));
    expect(nextSlotAfter(ending, edt('2026-06-05T16:15'))).toBeNull();
    expect(nextSlotAfter(ending, edt('2026-06-10T09:00'))).toBeNull();
  });

  it('is null for a plan that never dials', () => {
    expect(nextSlotAfter({ ...weekdays, days: [] }, edt('2026-06-01T00:00'))).toBeNull();
    expect(nextSlotAfter({ ...weekdays, windows: [] }, edt('2026-06-01T00:00'))).toBeNull();
  });
});
