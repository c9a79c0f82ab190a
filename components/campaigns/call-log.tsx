'use client';
import { useId, useState } from 'react';
import { callsUrl, useCalls } from '@/lib/client/calls';
import { formatStamp } from '@/lib/client/format';
import type { CallFilters } from '@/lib/client/types';
import { CALL_STATUSES, type CallStatus } from '@/lib/enums';
import { Button, buttonClass } from '../ui/button';
import { QueryState } from '../ui/query-state';
import { OUTCOME_LABELS } from './campaign-numbers';

const STATUS_LABELS: Record<CallStatus, string> = { queued: 'Queued', dialing: 'Dialing', completed: 'Completed', interrupted: 'Interrupted' };
const PAGE_SIZES = [25, 50, 100];

/** A campaign's calls in queue order, filterable by status, paged by cursor, exportable as CSV. */
export function CallLog({ campaignId, live }: { campaignId: number; live: boolean }) {
  const statusId = useId();
  const sizeId = useId();
  const [filters, setFilters] = useState<CallFilters>({ status: '', limit: 25 });
  // Cursors of the pages before the current one, so "Previous" can walk back.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1];
  const calls = useCalls(campaignId, filters, cursor, live);
  const setFilter = (next: Partial<CallFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setCursors([null]);
  };
  const page = cursors.length;

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
        <div className="overflow-x-auto rounded-md border border-border" tabIndex={0} role="region" aria-label="Call log table (scrolls sideways)">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="call-log">
            <caption className="sr-only">Calls, page {page}</caption>
            <thead className="bg-surface-2 text-xs text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Phone number</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 font-medium">Outcome</th>
                <th className="px-3 py-2 font-medium">Attempt</th>
                <th className="px-3 py-2 font-medium">Dialed</th>
                <th className="px-3 py-2 font-medium">Ended</th>
                <th className="px-3 py-2 font-medium">Duration</th>
                <th className="px-3 py-2 font-medium">Reference</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {calls.data && (page > 1 || calls.data.next_cursor) && (
        <nav aria-label="Call log pages" className="flex items-center gap-2">
          <Button variant="secondary" size="sm" disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <span className="text-sm text-muted">Page {page}</span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!calls.data.next_cursor}
            onClick={() => calls.data?.next_cursor && setCursors((c) => [...c, calls.data!.next_cursor])}
          >
            Next page
          </Button>
        </nav>
      )}
    </div>
  );
}
