import { createToken, listTokens, type TokenSummary } from '@/lib/auth/tokens';
import { tokenInput } from '@/lib/schemas/auth';
import { json, success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';

function tokenView(t: TokenSummary) {
  return {
    token_id: t.id,
    prefix: t.prefix,
    label: t.label,
    created_at: t.createdAt.toISOString(),
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
    revoked_at: t.revokedAt?.toISOString() ?? null,
  };
}

// List API tokens of the account (never the tokens themselves: only their visible prefix).
export const GET = apiRoute(({ db, accountId }) => json(listTokens(db, accountId).map(tokenView)));

// Create API token: the token is in this reply and nowhere else, ever.
export const POST = apiRoute(({ db, accountId, input }) => {
  const { label } = tokenInput.parse(input);
  const { token, summary } = createToken(db, accountId, label ?? null);
  return success({ ...tokenView(summary), token });
});
