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
 * - Results are strictly increasing and distinct, even if windows overlap (the API forbids it).
 *   planSlots(a, c) equals planSlots(a, b) followed by planSlots(b, c), so a pacer ticking every
 *   second dials exactly the slots it would have dialed in one long call: no catch-up for earlier
 *   slots, no slot twice.
 *
 * Daylight saving time (e.g. 2026: Sun 03-08 02:00 EST → 03:00 EDT, Sun 11-01 02:00 EDT → 01:00 EST)
 * - Cycles run in real elapsed time from the window's start instant, and the window ends at the
 *   instant its end wall time resolves to.
 * - Spring forward: a wall time that does not exist (02:00–02:59 on 2026-03-08) resolves to the
 *   transition instant, the first instant after the jump (03:00 EDT, 07:00Z), whether it starts or
 *   ends a window. So on that date:
 *   - 01:00–04:00 lasts 2 real hours: the window loses the hour that does not exist;
 *   - 02:30–04:00 runs 03:00–04:00 EDT, 1 real hour;
 *   - 01:00–02:30 runs 01:00 EST–03:00 EDT, 1 real hour, and never dials at a wall time at or past
 *     02:30: the clock jumps from 01:59:59.999 EST to 03:00 EDT, where the window has ended;
 *   - 02:15–02:45 starts and ends at the transition: it is empty that day.
 * - Fall back: a wall time that occurs twice (01:00–01:59 on 2026-11-01) resolves to its FIRST
 *   occurrence (EDT). A window 00:00–03:00 that day lasts 4 real hours; its slots still strictly
 *   increase, and nothing is dialed twice. This is the one exception to "t's wall time lies in a
 *   window": a window that opens inside the repeated hour after 01:00 and closes after it
 *   (01:30–03:00) opens at 01:30 EDT, so it also dials 01:00–01:29 EST, before its own start time.
 * - Resolution never moves backward as wall time moves forward, so windows that do not overlap in
 *   wall time (all the API accepts) do not overlap in real time either, on any date.
 * - The transition instant is found to the millisecond from the offsets, not from US rules.
 *   date-fns-tz's fromZonedTime does not follow these rules (it maps 02:30 back to 01:30 EST, and
 *   its pick in the repeated hour depends on the server's zone), so easternClock.ts resolves wall
 *   times itself from formatInTimeZone's offsets. No answer depends on the server's time zone.
 *
 * Cost: date-fns-tz takes ~80 µs per offset, so offsets are read once per UTC day, and wall times,
 * dates and weekdays once per date, then recalled from bounded memos (≤ 2,000 entries each, oldest
 * dropped first). What is remembered changes only the cost: every function stays pure in behaviour.
 * A one-second planSlots call on a three-window plan costs a few µs.
 */
export { callsPerHour } from './callsPerHour';
export { easternDate } from './easternDate';
export { isPastEnd } from './isPastEnd';
export { nextSlotAfter } from './nextSlotAfter';
export { planSlots } from './planSlots';
export { planStretches } from './planStretches';
export { EASTERN, type PacingPlan, type PacingProfile, type PacingWindow, type PlannedStretch } from './types';
