import { describe, expect, it } from 'vitest';
import { planStretches } from './planStretches';
import { edt, plan, profile, window } from './testing/fixtures';
import type { PlannedStretch } from './types';

const MONDAY = '2026-06-01';
const at = (hhmm: string) => edt(`${MONDAY}T${hhmm}`);
const wholeMonday = [at('00:00'), edt('2026-06-02T00:00')] as const;

function stretch(kind: PlannedStretch['kind'], start: string, end: string, slots: number, windowIndex = 0): PlannedStretch {
  return { kind, start: at(start), end: at(end), windowIndex, slots };
}

describe('planStretches', () => {
  it('alternates active and idle stretches with exact boundaries', () => {
    const p = plan([window('09:00', '10:00', profile(20, 4, 10))]);
    expect(planStretches(p, ...wholeMonday)).toEqual([
      stretch('active', '09:00', '09:20', 4),
      stretch('idle', '09:20', '09:30', 0),
      stretch('active', '09:30', '09:50', 4),
      stretch('idle', '09:50', '10:00', 0),
    ]);
  });

  it('cuts the last stretch at the window end and counts only the slots before it', () => {
    const p = plan([window('09:00', '09:45', profile(20, 4, 10))]);
    expect(planStretches(p, ...wholeMonday)).toEqual([
      stretch('active', '09:00', '09:20', 4),
      stretch('idle', '09:20', '09:30', 0),
      stretch('active', '09:30', '09:45', 3),
    ]);
  });

  it('has no idle stretches when time_between_periods is 0', () => {
    const p = plan([window('09:00', '09:30', profile(10, 2, 0))]);
    expect(planStretches(p, ...wholeMonday)).toEqual([
      stretch('active', '09:00', '09:10', 2),
      stretch('active', '09:10', '09:20', 2),
      stretch('active', '09:20', '09:30', 2),
    ]);
  });

  it('returns the whole stretches that intersect [from, to), unclipped', () => {
    const p = plan([window('09:00', '10:00', profile(20, 4, 10))]);
    expect(planStretches(p, at('09:25'), at('09:35'))).toEqual([
      stretch('idle', '09:20', '09:30', 0),
      stretch('active', '09:30', '09:50', 4),
    ]);
    // `to` is exclusive, `from` inclusive of a stretch still running.
    expect(planStretches(p, at('09:20'), at('09:30'))).toEqual([stretch('idle', '09:20', '09:30', 0)]);
  });

  it('orders the stretches of several windows by time and names their window', () => {
    const p = plan([window('13:00', '14:00', profile(30, 1, 30)), window('09:00', '10:00', profile(60, 5, 0))]);
    expect(planStretches(p, ...wholeMonday)).toEqual([
      stretch('active', '09:00', '10:00', 5, 1),
      stretch('active', '13:00', '13:30', 1, 0),
      stretch('idle', '13:30', '14:00', 0, 0),
    ]);
  });

  it('gives nothing outside the campaign or for an empty interval', () => {
    const p = plan([window('09:00', '10:00', profile(20, 4, 10))], { days: ['tue'] });
    expect(planStretches(p, ...wholeMonday)).toEqual([]);
    expect(planStretches(plan(p.windows), at('09:30'), at('09:30'))).toEqual([]);
  });

  it('counts one slot per millisecond for amounts that outnumber them', () => {
    const p = plan([window('09:00', '09:01', profile(1, 100_000, 0))]);
    expect(planStretches(p, ...wholeMonday)).toEqual([stretch('active', '09:00', '09:01', 60_000)]);
  });
});
