import Link from 'next/link';
import { ApiError, messageOf } from '@/lib/client/api';
import { Alert } from './feedback';

/**
 * A delete refused because something still uses the item. The API says e.g. "Schedule
 * 3wkdays(id 6) is being used with campaign id 3."; we say it plainly and link the campaign.
 */
export function DeleteError({ error, what }: { error: unknown; what: string }) {
  if (!error) return null;
  const campaign = error instanceof ApiError && error.status === 409 ? /campaign id (\d+)/i.exec(error.serverMessage ?? '')?.[1] : undefined;
  if (campaign)
    return (
      <Alert tone="error" title={`This ${what} is still in use.`}>
        <p>
          Campaign #{campaign} uses it, so it can’t be deleted. Give that campaign another {what} or delete the campaign first.
        </p>
        <p className="mt-1">
          <Link href={`/campaigns/${campaign}`} className="font-medium underline">
            Open campaign #{campaign}
          </Link>
        </p>
      </Alert>
    );
  return <Alert tone="error">{messageOf(error)}</Alert>;
}
