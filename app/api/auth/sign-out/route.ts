import { authRoute } from '@/lib/auth/auth-route';
import { clearedSessionCookie, cookieValue } from '@/lib/auth/session-cookie';
import { endSession } from '@/lib/auth/sessions';
import { success } from '@/lib/wire/reply';

// Ends the session (if any) and clears the cookie. Signing out twice is not an error.
export const POST = authRoute(({ db, request }) => {
  const value = cookieValue(request);
  if (value) endSession(db, value);
  const reply = success();
  reply.headers.append('set-cookie', clearedSessionCookie(request));
  return reply;
});
