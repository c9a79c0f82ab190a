import { checkHealth } from '@/lib/ops/health';
import { json } from '@/lib/wire/reply';

// Unauthenticated (load balancers, the test harness, uptime checks): it reveals no ids or data,
// only whether the database, the pacer and the outbox are working.
export const dynamic = 'force-dynamic';

/**
 * 200 when the database answers a read and a no-op write, the pacer has ticked within
 * PACER_STALE_SECONDS (or PACER=off) and the process is not shutting down; 503 otherwise.
 */
export function GET(): Response {
  const health = checkHealth();
  return json(health, health.status === 'ok' ? 200 : 503);
}
