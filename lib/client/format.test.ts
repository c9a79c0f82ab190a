import { describe, expect, it } from 'vitest';
import { describePace, formatEastern, minutesText } from './format';

describe('describePace', () => {
  it.each([
    [{ period: 30, amount_per_period: 100, time_between_periods: 10 }, '100 calls every 30 min, then a 10 min pause — about 150 calls an hour'],
    [{ period: 30, amount_per_period: 100, time_between_periods: 0 }, '100 calls every 30 min, with no pause — about 200 calls an hour'],
    [{ period: 90, amount_per_period: 1, time_between_periods: 60 }, '1 call every 1 h 30 min, then a 1 h pause — about 0.4 calls an hour'],
    [{ period: 1, amount_per_period: 60, time_between_periods: 0 }, '60 calls every 1 min, with no pause — about 3,600 calls an hour'],
  ])('%j → %s', (pace, text) => {
    expect(describePace(pace)).toBe(text);
  });
});

describe('minutesText', () => {
  it.each([
    [5, '5 min'],
    [60, '1 h'],
    [75, '1 h 15 min'],
  ])('%d → %s', (m, text) => expect(minutesText(m)).toBe(text));
});

describe('formatEastern', () => {
  it('shows Eastern wall time, DST-aware', () => {
    expect(formatEastern('2026-07-01T14:30:00Z')).toBe('Wed, Jul 1, 10:30 ET');
    expect(formatEastern('2026-12-01T14:30:00Z', false)).toBe('09:30 ET');
  });
});
