import type { Db } from '../../db/client';
import type { Dialer, OrphanedCall } from '../dialers';
import { logger } from '../log';
import { completeCalls, interruptCalls } from './end-calls';
import { deadInstances, forgetInstances } from './instances';

export interface RecoveryDeps {
  db: Db;
  dialer: Dialer;
  instanceId: string;
  clock: () => Date;
  isAlive?: (pid: number) => boolean;
}

/**
 * Resolves calls left in `dialing` by pacers that are gone (a crash, kill -9, power loss): each
 * is `completed` if the dialer can still report its outcome, else `interrupted` — never redialed
 * blindly. Calls of live instances (another server process on the same database) are left alone.
 * Runs at start-up and then every heartbeat, so a dead peer's calls are resolved too.
 */
export async function recoverOrphanedCalls(deps: RecoveryDeps): Promise<{ completed: number; interrupted: number }> {
  const { db, clock } = deps;
  // Calls first, instances second: an instance that registers in between registered before it
  // claimed anything, so none of its calls can be mistaken for an orphan. Reading `dialing`
  // calls goes through calls_dialing_idx: its cost is the calls in progress, not the table.
  const dialing = db.$client.prepare("SELECT id, dialer_ref, claimed_by FROM calls WHERE status = 'dialing'").all() as Array<{
    id: number;
    dialer_ref: string | null;
    claimed_by: string | null;
  }>;
  const dead = new Set(deadInstances(db, deps.instanceId, clock(), deps.isAlive));
  const live = new Set((db.$client.prepare('SELECT id FROM pacer_instances').pluck().all() as string[]).filter((id) => !dead.has(id)));
  const orphans = dialing
    .filter((c) => c.claimed_by === null || !live.has(c.claimed_by))
    .map((c): OrphanedCall => ({ callId: c.id, dialerRef: c.dialer_ref }));
  let completed = 0;
  let interrupted = 0;
  if (orphans.length > 0) {
    const reported = deps.dialer.outcomesOf ? await deps.dialer.outcomesOf(orphans) : [];
    completed = completeCalls(db, reported, clock());
    const known = new Set(reported.map((e) => e.callId));
    interrupted = interruptCalls(
      db,
      orphans.filter((c) => !known.has(c.callId)).map((c) => c.callId),
      clock(),
    );
    logger.warn({ completed, interrupted }, 'resolved calls left dialing by a stopped pacer');
  }
  forgetInstances(db, [...dead]);
  return { completed, interrupted };
}
