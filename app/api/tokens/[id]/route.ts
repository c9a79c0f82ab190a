import { revokeTokenById } from '@/lib/auth/tokens';
import { success } from '@/lib/wire/reply';
import { apiRoute, pathId } from '@/lib/wire/route';

// Revoke API token: it stops working at once; it stays listed as revoked.
export const DELETE = apiRoute<{ id: string }>(({ db, accountId, params }) => {
  revokeTokenById(db, accountId, pathId('Token', params.id));
  return success();
});
