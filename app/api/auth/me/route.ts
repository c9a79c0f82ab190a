import { getDb } from '@/db/client';
import { cookieValue } from '@/lib/auth/session-cookie';
import { userForSession } from '@/lib/auth/sessions';
import { accountName } from '@/lib/auth/users';
import { UnauthorizedError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { errorReply } from '@/lib/wire/errors';
import { json } from '@/lib/wire/reply';

// The signed-in user (session cookie only: a token has an account but no user).
export async function GET(request: Request): Promise<Response> {
  try {
    const db = getDb();
    const value = cookieValue(request);
    const user = value ? userForSession(db, value) : null;
    if (!user) throw new UnauthorizedError('Not signed in.');
    return json({ user_id: user.userId, email: user.email, account_id: user.accountId, account_name: accountName(db, user.accountId) });
  } catch (e) {
    return errorReply(e, (err) => logger.error({ err }, 'request failed'));
  }
}
