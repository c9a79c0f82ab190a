'use client';
import { useId, useState } from 'react';
import { messageOf } from '@/lib/client/api';
import { useDeliveries, useReplayDelivery } from '@/lib/client/deliveries';
import { formatStamp } from '@/lib/client/format';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@/lib/enums';
import type { DeliveryView } from '@/lib/schemas/calls';
import { Button } from '../ui/button';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { Alert } from '../ui/feedback';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'Pending', delivered: 'Delivered', dead: 'Gave up' };

/** Network error codes the outbox records, in a manager's words (the code kept for whoever runs the receiver). */
const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'No such host',
  EAI_AGAIN: 'Host name lookup failed',
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection dropped',
  ETIMEDOUT: 'Connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'Connection timed out',
  UND_ERR_SOCKET: 'Connection dropped',
};

/** What happened to the last attempt, in words. */
function lastAttempt(d: DeliveryView): string {
  if (d.attempts === 0) return 'Not tried yet';
  if (d.last_error) return NETWORK_ERRORS[d.last_error] ? `${NETWORK_ERRORS[d.last_error]} (${d.last_error})` : d.last_error;
  return d.last_status_code ? `HTTP ${d.last_status_code}` : '—';
}

/**
 * The campaign's result_url outbox: one delivery per ended call, retried with backoff until the
 * receiver accepts it; after the last attempt it is given up ("dead") and can be sent again here.
 */
export function ResultDeliveries({ campaignId }: { campaignId: number }) {
  const statusId = useId();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const pages = useCursorPages();
  const deliveries = useDeliveries(campaignId, status, pages.cursor);
  const replay = useReplayDelivery(campaignId);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1 self-start">
        <label htmlFor={statusId} className="text-sm font-medium">
          Show deliveries
        </label>
        <select
          id={statusId}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as DeliveryStatus | '');
            pages.reset();
          }}
        >
          <option value="">All deliveries</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]} only
            </option>
          ))}
        </select>
      </div>
      {replay.error && <Alert tone="error">{messageOf(replay.error)}</Alert>}
      <QueryState isPending={deliveries.isPending} error={deliveries.error} refetch={deliveries.refetch} what="result deliveries" />
      {deliveries.data && deliveries.data.deliveries.length === 0 && (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {status ? 'No deliveries with this status.' : 'No results yet: each call’s result is sent to the result URL when the call ends.'}
        </p>
      )}
      {deliveries.data && deliveries.data.deliveries.length > 0 && (
        <ScrollTable
          name="Result deliveries"
          caption={`Result deliveries, page ${pages.page}`}
          testId="deliveries"
          headers={['Delivery', 'Call', 'Status', 'Attempts', 'Last attempt', 'Next try / delivered', <span key="actions" className="sr-only">Actions</span>]}
        >
          {deliveries.data.deliveries.map((d) => (
            <tr key={d.delivery_id} className="border-t border-border" data-testid={`delivery-${d.delivery_id}`}>
              <td className="px-3 py-1.5 font-mono">{d.delivery_id}</td>
              <td className="px-3 py-1.5 font-mono">{d.call_id}</td>
              <td className="px-3 py-1.5">{STATUS_LABELS[d.status]}</td>
              <td className="px-3 py-1.5">{d.attempts}</td>
              <td className="max-w-[16rem] truncate px-3 py-1.5" title={lastAttempt(d)}>
                {lastAttempt(d)}
              </td>
              <td className="px-3 py-1.5 whitespace-nowrap">
                {d.status === 'delivered' ? formatStamp(d.delivered_at) : d.status === 'pending' ? formatStamp(d.next_attempt_at) : '—'}
              </td>
              <td className="px-3 py-1.5 text-right">
                {d.status === 'dead' && (
                  <Button variant="secondary" size="sm" disabled={replay.isPending} onClick={() => replay.mutate(d.delivery_id)}>
                    Send again<span className="sr-only"> (delivery {d.delivery_id})</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {deliveries.data && <CursorPager label="Result delivery pages" pages={pages} nextCursor={deliveries.data.next_cursor} />}
    </div>
  );
}
