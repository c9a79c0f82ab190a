'use client';
import { messageOf } from '@/lib/client/api';
import { Button } from './button';
import { Alert, Loading } from './feedback';

/** The loading and error states of a query, with a retry button. */
export function QueryState({ isPending, error, refetch, what }: { isPending: boolean; error: unknown; refetch: () => void; what: string }) {
  if (error)
    return (
      <Alert tone="error" title={`The ${what} could not be loaded.`}>
        <p>{messageOf(error)}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => refetch()}>
          Try again
        </Button>
      </Alert>
    );
  if (isPending) return <Loading label={`Loading ${what}…`} />;
  return null;
}
