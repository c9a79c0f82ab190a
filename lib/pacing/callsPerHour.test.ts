import { describe, expect, it } from 'vitest';
import { callsPerHour } from './callsPerHour';
import { profile } from './testing/fixtures';

describe('callsPerHour', () => {
  it('averages the amount over a whole active + idle cycle', () => {
    expect(callsPerHour(profile(30, 100, 30))).toBe(100);
    expect(callsPerHour(profile(20, 10, 10))).toBe(20);
  });

  it('with no idle time is the active rate', () => {
    expect(callsPerHour(profile(1, 5, 0))).toBe(300);
  });

  it('is not rounded', () => {
    expect(callsPerHour(profile(7, 1, 0))).toBeCloseTo(60 / 7, 12);
  });
});
