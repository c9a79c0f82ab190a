/**
 * A stand-in "server process" for the two-process claim test: ticks the pacer every few ms on
 * a shared database file, on a clock that maps real elapsed time onto a pinned instant.
 * argv: dbFile instanceId baseMs startAtMs durationMs
 */
import { openDb } from '../../../db/client';
import type { Dialer } from '../../dialers';
import { SlotCache } from '../slot-cache';
import { runPacerTick } from '../tick';

const [file, instanceId, base, startAt, duration] = process.argv.slice(2);
const db = openDb(file);
const dialer: Dialer = { name: 'none', dial() {} };
const cache = new SlotCache();
const clock = () => new Date(Number(base) + Date.now() - Number(startAt));
let claimed = 0;
const until = Number(startAt) + Number(duration);
while (Date.now() < Number(startAt)) {
  /* both processes start together */
}
while (Date.now() < until) {
  claimed += runPacerTick({ db, now: clock(), dialer, instanceId, maxConcurrentCalls: null, graceMs: 2_000, cache }).claimed.length;
}
process.stdout.write(String(claimed));
