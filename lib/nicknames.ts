import { ValidationError } from './errors';

export const NICKNAME_TAKEN = 'The nickname has already been taken.';

/** Turns SQLite's unique-index violation on a nickname into the reference's 422 body. */
export function rethrowNicknameTaken(e: unknown): never {
  if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE' && /nickname/.test(e.message))
    throw ValidationError.of('nickname', NICKNAME_TAKEN);
  throw e;
}

/** `Schedule 3wkdays(id 6)` — the reference's way of naming a resource in messages. */
export function describe(kind: string, row: { id: number; nickname: string | null }): string {
  return `${kind} ${row.nickname ?? ''}(id ${row.id})`;
}
