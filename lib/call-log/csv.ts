import type { Db } from '../../db/client';
import type { CallStatus } from '../enums';
import { listCalls } from './list-calls';
import { callView } from './views';

const COLUMNS = ['call_id', 'phone_number', 'ani', 'message_reference', 'status', 'outcome', 'attempt', 'slot_at', 'dialed_at', 'ended_at', 'duration_seconds'] as const;

const PAGE = 1_000;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every matching call of a campaign as CSV (header row first), produced one page at a time as
 * the client reads, so an export of millions of calls never sits in memory.
 */
export function callsCsvStream(db: Db, campaignId: number, status: CallStatus | undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      if (!headerSent) {
        text += `${COLUMNS.join(',')}\r\n`;
        headerSent = true;
      }
      const page = listCalls(db, { campaignId, status, afterId, limit: PAGE });
      for (const row of page) {
        const view = callView(row);
        text += `${COLUMNS.map((c) => field(view[c])).join(',')}\r\n`;
      }
      if (text) controller.enqueue(encoder.encode(text));
      if (page.length < PAGE) controller.close();
      else afterId = page[page.length - 1].id;
    },
  });
}
