/**
 * A stand-in "server process" for the two-process claim test: ticks the pacer as fast as it can
 * on a shared database file, on a clock that maps real elapsed time onto a pinned instant.
 * argv: dbFile instanceId baseMs durationMs. Prints "ready", then waits for a line holding the
 * real start instant (ms) so that both processes start together however long they took to load.
 */
import { createInterface } from 'node:readline';
import { openDb } from '../../../db/client';
import type { Dialer } from '../../dialers';
import { SlotCache } from '../slot-cache';
import { runPacerTick } from '../tick';

const [file, instanceId, base, duration] = process.argv.slice(2);
const db = openDb(file);
const dialer: Dialer = { name: 'none', dial() {} };
const cache = new SlotCache();

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', (line) => {
  const startAt = Number(line);
  const clock = () => new Date(Number(base) + Date.now() - startAt);
  while (Date.now() < startAt) {
    /* both processes start together */
  }
  let claimed = 0;
  while (Date.now() < startAt + Number(duration)) {
    claimed += runPacerTick({ db, now: clock(), dialer, instanceId, maxConcurrentCalls: null, graceMs: 2_000, cache }).claimed.length;
  }
  process.stdout.write(`${claimed}\n`);
  lines.close();
});
