import { collectMetrics, metricsAuthorized } from '@/lib/ops/metrics';
import { onDatabaseError } from '@/lib/ops/db-guard';
import { PROMETHEUS_CONTENT_TYPE } from '@/lib/ops/prometheus';
import { failure } from '@/lib/wire/reply';

export const dynamic = 'force-dynamic';

/**
 * Prometheus metrics (text format 0.0.4). Open unless METRICS_TOKEN is set, in which case the
 * scraper sends `Authorization: Bearer <METRICS_TOKEN>` (see docs/RELIABILITY.md).
 */
export function GET(request: Request): Response {
  if (!metricsAuthorized(request)) return failure(401, 'Metrics need Authorization: Bearer <METRICS_TOKEN>.', { 'www-authenticate': 'Bearer' });
  try {
    return new Response(collectMetrics(), { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } });
  } catch (e) {
    onDatabaseError(e);
    return failure(503, 'Metrics are unavailable: the database is not answering.', { 'retry-after': '5' });
  }
}
