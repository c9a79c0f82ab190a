import { describe, expect, it } from 'vitest';
import { easternDate } from './easternDate';

describe('easternDate', () => {
  it('is the New York calendar date, not the UTC one', () => {
    expect(easternDate(new Date('2026-06-02T03:59:59.999Z'))).toBe('2026-06-01');
    expect(easternDate(new Date('2026-06-02T04:00:00.000Z'))).toBe('2026-06-02');
    expect(easternDate(new Date('2026-01-06T04:59:59.999Z'))).toBe('2026-01-05');
    expect(easternDate(new Date('2026-01-06T05:00:00.000Z'))).toBe('2026-01-06');
  });

  it('follows both 2026 transitions', () => {
    expect(easternDate(new Date('2026-03-08T06:59:59Z'))).toBe('2026-03-08'); // 01:59:59 EST
    expect(easternDate(new Date('2026-03-08T07:00:00Z'))).toBe('2026-03-08'); // 03:00 EDT
    expect(easternDate(new Date('2026-11-01T06:30:00Z'))).toBe('2026-11-01'); // 01:30 EST, second time
    expect(easternDate(new Date('2026-11-02T04:59:59Z'))).toBe('2026-11-01'); // 23:59:59 EST
  });
});
