import { describe, expect, it } from 'vitest';
import { isPastEnd } from './isPastEnd';

describe('isPastEnd', () => {
  const plan = { endDate: '2026-06-01' };

  it('is false through the last second of the end date in Eastern time', () => {
    expect(isPastEnd(plan, new Date('2026-06-01T12:00:00-04:00'))).toBe(false);
    expect(isPastEnd(plan, new Date('2026-06-01T23:59:59.999-04:00'))).toBe(false);
  });

  it('is true from Eastern midnight after the end date, although UTC is already there earlier', () => {
    expect(isPastEnd(plan, new Date('2026-06-02T01:00:00Z'))).toBe(false); // 21:00 EDT on 06-01
    expect(isPastEnd(plan, new Date('2026-06-02T00:00:00-04:00'))).toBe(true);
  });
});
