/**
 * The pacing planner: pure functions from a campaign's plan and an instant (or interval) to the
 * instants at which it may place a call ("slots"). No I/O and no clock; callers pass `now`.
 *
 * Contract
 * - A campaign may dial at instant t only when t's calendar date in America/New_York lies in
 *   [startDate, endDate] (inclusive), that date's weekday is in `days`, and t lies in one of the
 *   campaign's windows [startTime, endTime) for that date. Windows are Eastern wall-clock times
 *   ('HH:MM', end after start, never crossing midnight), resolved to real instants date by date.
 * - Inside a window the profile's cycle starts at the window's start instant: `period` minutes
 *   active, then `timeBetweenPeriods` minutes idle, repeating. An active period holds
 *   `amountPerPeriod` slots spread evenly: slot k at periodStart + floor(k · period / amount) (ms).
 *   No slot is at or past the window's end, so a period cut short by the window's end loses its
 *   later slots. Instants are whole milliseconds: a period with more calls than milliseconds
 *   (amount > period · 60 000) holds one slot per millisecond, never two equal instants.
 * - Results are strictly increasing and distinct, even if windows overlap. planSlots(a, c) equals
 *   planSlots(a, b) followed by planSlots(b, c), so a pacer ticking every second dials exactly the
 *   slots it would have dialed in one long call: no catch-up for earlier slots, no slot twice.
 *
 * Daylight saving time (e.g. 2026: Sun 03-08 02:00 EST → 03:00 EDT, Sun 11-01 02:00 EDT → 01:00 EST)
 * - Cycles run in real elapsed time from the window's start instant, and the window ends at the
 *   instant of its end wall time.
 * - Spring forward: a wall time that does not exist (02:00–02:59 on 2026-03-08) maps forward by the
 *   gap (02:30 → 03:30 EDT). A window 01:00–04:00 that day lasts 2 real hours: the window loses the
 *   hour that does not exist. Consequences of the rule: a window ending in the gap runs on past
 *   03:00 EDT (01:00–02:30 ends at 03:30 EDT), and a window starting in the gap can resolve past its
 *   own end (02:30–03:15), which leaves it empty that day.
 * - Fall back: a wall time that occurs twice (01:00–01:59 on 2026-11-01) resolves to its FIRST
 *   occurrence (EDT). A window 00:00–03:00 that day lasts 4 real hours; its slots still strictly
 *   increase, and nothing is dialed twice.
 */
export { callsPerHour } from './callsPerHour';
export { easternDate } from './easternDate';
export { isPastEnd } from './isPastEnd';
export { nextSlotAfter } from './nextSlotAfter';
export { planSlots } from './planSlots';
export { planStretches } from './planStretches';
export { EASTERN, type PacingPlan, type PacingProfile, type PacingWindow, type PlannedStretch } from './types';
