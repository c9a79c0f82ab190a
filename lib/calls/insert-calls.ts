import type { Db } from '../../db/client';
import type { PhoneEntry } from '../phones';

export interface AddedCalls {
  added: number;
  duplicates: number;
}

/** Visits one call to insert; strings as stored (E.164 numbers, null for absent fields). */
export type CallRowVisitor = (phoneNumber: string, ani: string | null, messageReference: string | null) => void;

/**
 * Calls to insert, in queue order, visited rather than materialised so that a million rows can
 * stream from a spill file (ingest/call-spill.ts) without a million objects.
 */
export interface CallRows {
  forEach(visit: CallRowVisitor): void;
}

/** Wraps entries already in memory (small lists, test fixtures). */
export function callRowsOf(entries: readonly PhoneEntry[]): CallRows {
  return {
    forEach(visit) {
      for (const e of entries) visit(e.phoneNumber, e.ani, e.messageReference);
    },
  };
}

/** Rows per INSERT statement: one native call per 500 rows instead of per row. */
const CHUNK = 500;
const COLUMNS = 'INSERT OR IGNORE INTO calls (campaign_id, phone_number, ani, message_reference) VALUES ';

/**
 * Appends calls to a campaign's queue in the given order (queue order is calls.id order),
 * skipping numbers the campaign already has or that repeat within the list (the unique index
 * calls(campaign_id, phone_number) and INSERT OR IGNORE), and counting them as duplicates.
 * Bumps the campaign's calls_total/calls_queued by the number inserted: inserts are not
 * counted by triggers, so that a million-row insert does not run a million counter updates.
 *
 * Runs inside the caller's transaction. `db` must be the connection (drizzle's transaction
 * object has no `$client`); statements on it join the open transaction.
 */
export function insertCalls(db: Db, campaignId: number, rows: readonly PhoneEntry[] | CallRows): AddedCalls {
  const sqlite = db.$client;
  const many = sqlite.prepare(COLUMNS + Array(CHUNK).fill('(?, ?, ?, ?)').join(', '));
  const one = sqlite.prepare(`${COLUMNS}(?, ?, ?, ?)`);
  const params: Array<string | number | null> = new Array(CHUNK * 4);
  let filled = 0;
  let seen = 0;
  let added = 0;
  const source = isEntryArray(rows) ? callRowsOf(rows) : rows;
  source.forEach((phoneNumber, ani, messageReference) => {
    const at = filled * 4;
    params[at] = campaignId;
    params[at + 1] = phoneNumber;
    params[at + 2] = ani;
    params[at + 3] = messageReference;
    seen++;
    if (++filled === CHUNK) {
      added += many.run(params).changes;
      filled = 0;
    }
  });
  for (let k = 0; k < filled; k++) {
    added += one.run(params[k * 4], params[k * 4 + 1], params[k * 4 + 2], params[k * 4 + 3]).changes;
  }
  if (added > 0) {
    sqlite
      .prepare('UPDATE campaigns SET calls_total = calls_total + ?, calls_queued = calls_queued + ? WHERE id = ?')
      .run(added, added, campaignId);
  }
  return { added, duplicates: seen - added };
}

function isEntryArray(rows: readonly PhoneEntry[] | CallRows): rows is readonly PhoneEntry[] {
  return Array.isArray(rows);
}
