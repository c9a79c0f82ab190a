'use client';
import { useId, useState } from 'react';
import { callsUrl, useCalls } from '@/lib/client/calls';
import { formatStamp } from '@/lib/client/format';
import type { CallFilters } from '@/lib/client/types';
import { CALL_STATUSES, type CallStatus } from '@/lib/enums';
import { buttonClass } from '../ui/button';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { ScrollTable } from '../ui/scroll-table';
import { QueryState } from '../ui/query-state';
import { OUTCOME_LABELS } from './campaign-numbers';

const STATUS_LABELS: Record<CallStatus, string> = { queued: 'Queued', dialing: 'Dialing', completed: 'Completed', interrupted: 'Interrupted' };
const PAGE_SIZES = [25, 50, 100];

/** A campaign's calls in queue order, filterable by status, paged by cursor, exportable as CSV. */
export function CallLog({ campaignId, live }: { campaignId: number; live: boolean }) {
  const statusId = useId();
  const sizeId = useId();
  const [filters, setFilters] = useState<CallFilters>({ status: '', limit: 25 });
  const pages = useCursorPages();
  const calls = useCalls(campaignId, filters, pages.cursor, live);
  const setFilter = (next: Partial<CallFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    pages.reset();
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={statusId} className="text-sm font-medium">
            Show
          </label>
          <select id={statusId} value={filters.status ?? ''} onChange={(e) => setFilter({ status: e.target.value as CallStatus | '' })}>
            <option value="">All calls</option>
            {CALL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]} only
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={sizeId} className="text-sm font-medium">
            Per page
          </label>
          <select id={sizeId} value={filters.limit} onChange={(e) => setFilter({ limit: Number(e.target.value) })}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <a
          className={buttonClass('secondary', 'md', 'ml-auto')}
          href={callsUrl(campaignId, { status: filters.status }, { format: 'csv' })}
          download={`campaign-${campaignId}-calls.csv`}
        >
          Export CSV{filters.status ? ` (${STATUS_LABELS[filters.status].toLowerCase()})` : ''}
        </a>
      </div>

      <QueryState isPending={calls.isPending} error={calls.error} refetch={calls.refetch} what="call log" />
      {calls.data && calls.data.calls.length === 0 && (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {filters.status ? 'No calls with this status.' : 'No calls yet. Add phone numbers above to fill the queue.'}
        </p>
      )}
      {calls.data && calls.data.calls.length > 0 && (
        <ScrollTable
          name="Call log"
          caption={`Calls, page ${pages.page}`}
          testId="call-log"
          headers={['Phone number', 'Status', 'Outcome', 'Attempt', 'Dialed', 'Ended', 'Duration', 'Reference']}
        >
          {calls.data.calls.map((c) => (
            <tr key={c.call_id} className="border-t border-border">
              <td className="px-3 py-1.5 font-mono">{c.phone_number}</td>
              <td className="px-3 py-1.5">{STATUS_LABELS[c.status]}</td>
              <td className="px-3 py-1.5">{c.outcome ? OUTCOME_LABELS[c.outcome] : '—'}</td>
              <td className="px-3 py-1.5">{c.attempt}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{formatStamp(c.dialed_at)}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{formatStamp(c.ended_at)}</td>
              <td className="px-3 py-1.5">{c.duration_seconds === null ? '—' : `${c.duration_seconds} s`}</td>
              <td className="px-3 py-1.5">{c.message_reference ?? '—'}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {calls.data && <CursorPager label="Call log pages" pages={pages} nextCursor={calls.data.next_cursor} />}
    </div>
  );
}
