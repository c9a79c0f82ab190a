import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { runtimeStats } from '../ops/runtime-stats';
import { startTsWorker } from '../ts-worker';
import { startPacerThread, type PacerThread } from './pacer-thread';

// The real worker entry, compiled by tsx, on a real database file: what runs in the server.
let dir: string;
const spawned: Worker[] = [];
const spawn = () => {
  const worker = startTsWorker('lib/pacer/pacer-worker.ts');
  spawned.push(worker);
  return worker;
};

const instanceRows = () => getDb().$client.prepare('SELECT id FROM pacer_instances ORDER BY started_at').pluck().all() as string[];

/** The nice value of each thread of this process (Linux keeps one per thread). */
const threadNices = () =>
  fs.readdirSync('/proc/self/task').map((tid) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpace-pacer-thread-'));
  // The thread inherits the environment: it opens the same file.
  process.env.DATABASE_URL = `file:${path.join(dir, 'callpace.db')}`;
  process.env.PACER = 'on';
  process.env.DIALER = 'simulated';
});

afterAll(async () => {
  await Promise.all(spawned.map((w) => w.terminate()));
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the pacer thread', () => {
  let pacer: PacerThread;

  it('starts a pacer on its own thread and forwards its ticks to this thread', async () => {
    pacer = (await startPacerThread(spawn))!;
    expect(pacer.instanceId).toMatch(/^[\w-]{12}$/);
    expect(instanceRows()).toEqual([pacer.instanceId]);
    expect(runtimeStats().pacer.instanceId).toBe(pacer.instanceId);
    await until('three ticks', () => runtimeStats().pacer.ticks >= 3);
    expect(runtimeStats().pacer.lastTickAt).toBeGreaterThan(Date.now() - 5_000);
  }, 30_000);

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('runs above the normal CPU priority when permitted, this thread not', () => {
    const nices = threadNices();
    expect(nices[0]).toBe(0);
    // The pacer thread, and the WAL checkpoint thread it starts (which inherits its priority).
    expect(nices.filter((n) => n === os.constants.priority.PRIORITY_ABOVE_NORMAL)).toHaveLength(2);
  });

  it('restarts a thread that dies, as a new instance, and forgets the dead one', async () => {
    const first = pacer.instanceId;
    await spawned[0].terminate();
    await until('a new instance', () => pacer.instanceId !== first);
    expect(spawned).toHaveLength(2);
    await until('the dead instance forgotten', () => !instanceRows().includes(first));
    expect(instanceRows()).toEqual([pacer.instanceId]);
    const ticks = runtimeStats().pacer.ticks;
    await until('ticks from the new thread', () => runtimeStats().pacer.ticks > ticks + 1);
  }, 30_000);

  it('pause stops ticking; stop ends the thread for good', async () => {
    await pacer.pause();
    const ticks = runtimeStats().pacer.ticks;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(runtimeStats().pacer.ticks).toBe(ticks);
    let exited = false;
    spawned[1].on('exit', () => (exited = true));
    await pacer.stop();
    await until('the thread to exit', () => exited);
    expect(runtimeStats().pacer.stoppedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(spawned).toHaveLength(2);
  }, 30_000);
});

describe('a pacer thread that keeps dying', () => {
  it('is restarted ever more slowly, and commands to it while it is down do not wait', async () => {
    const spawnedAt: number[] = [];
    const exitedAt: number[] = [];
    // Each thread is ended as soon as it has started, as if it crashed right away.
    const spawnDying = () => {
      const worker = spawn();
      spawnedAt.push(Date.now());
      worker.on('message', (m: { type: string }) => {
        if (m.type === 'started') void worker.terminate();
      });
      worker.on('exit', () => exitedAt.push(Date.now()));
      return worker;
    };
    const pacer = (await startPacerThread(spawnDying))!;
    await until('three restarts', () => spawnedAt.length >= 4, 60_000);
    const delays = [1, 2, 3].map((i) => spawnedAt[i] - exitedAt[i - 1]);
    expect(delays[0]).toBeGreaterThanOrEqual(1_000);
    expect(delays[1]).toBeGreaterThanOrEqual(2_000);
    expect(delays[2]).toBeGreaterThanOrEqual(4_000);
    await until('the fourth thread to die', () => exitedAt.length >= 4, 30_000);
    const started = Date.now();
    await pacer.pause();
    await pacer.stop();
    // A command waits up to 3 s for a live thread's answer; a dead one cannot answer.
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 90_000);
});
