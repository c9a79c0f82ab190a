import { getDb } from '@/db/client';
import { recordDialerCallback } from '@/lib/dialers/callback';
import { logger } from '@/lib/log';
import { errorReply } from '@/lib/wire/errors';
import { success } from '@/lib/wire/reply';

// The dialer platform's status callback. Not behind bearer auth: each URL carries an HMAC token
// for one call attempt (lib/dialers/callback-token.ts), which is all the platform can present.
export async function POST(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const body = await request.json().catch(() => null);
    recordDialerCallback(getDb(), Object.fromEntries(url.searchParams), body, new Date());
    return success();
  } catch (e) {
    return errorReply(e, (err) => logger.error({ err }, 'dialer callback failed'));
  }
}
