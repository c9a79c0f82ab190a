import { getDb } from '@/db/client';
import { json } from '@/lib/wire/reply';

/** Liveness and readiness: the database answers. */
export async function GET(): Promise<Response> {
  try {
    getDb().$client.prepare('SELECT 1').get();
    return json({ status: 'ok', database: 'ok' });
  } catch {
    return json({ status: 'unhealthy', database: 'unreachable' }, 503);
  }
}
