import Database from 'better-sqlite3';
import { NotFoundError, ValidationError } from '../../errors';
import type { IngestOutcome } from './ingest-job';

/** What the ingest worker posts: `writing` when it starts the insert transaction, then one of the others. */
export type WorkerMessage =
  | { type: 'writing' }
  | { type: 'done'; outcome: IngestOutcome }
  | { type: 'failed'; error: SerializedError };

/** An error thrown in the worker, as data (class instances do not survive postMessage). */
export interface SerializedError {
  kind: 'validation' | 'not-found' | 'sqlite' | 'other';
  message: string;
  fields?: Record<string, string[]>;
  code?: string;
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error));
  if (e instanceof ValidationError) return { kind: 'validation', message: e.message, fields: e.fields };
  if (e instanceof NotFoundError) return { kind: 'not-found', message: e.message };
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { kind: 'sqlite', message: e.message, code };
  return { kind: 'other', message: e.message, stack: e.stack };
}

/** The worker's error as the class lib/wire/errors.ts maps to a reply (422, 404, 503, or a logged 500). */
export function reviveError(error: SerializedError): Error {
  switch (error.kind) {
    case 'validation':
      return new ValidationError(error.fields ?? {});
    case 'not-found': {
      const revived = new NotFoundError('', '');
      revived.message = error.message;
      return revived;
    }
    case 'sqlite':
      return new Database.SqliteError(error.message, error.code!);
    default: {
      const revived = new Error(`ingest worker: ${error.message}`);
      if (error.stack) revived.stack = `${revived.message}\n(worker) ${error.stack}`;
      return revived;
    }
  }
}
