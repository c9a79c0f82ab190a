import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/client/api';

/**
 * Puts a 422's per-field messages on the form's fields (e.g. "nickname", "profiles.0.start_time").
 * Returns true when every message found a field; otherwise the caller shows the rest itself.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  isField: (name: string) => boolean = (name) => fields.includes(name),
): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  let all = true;
  for (const [name, messages] of Object.entries(error.fields)) {
    if (isField(name)) setError(name as Path<T>, { type: 'server', message: messages.join(' ') }, { shouldFocus: true });
    else all = false;
  }
  return all;
}
