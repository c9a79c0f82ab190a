import { authRoute } from '@/lib/auth/auth-route';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession } from '@/lib/auth/sessions';
import { assertSignInAllowed, clearSignInFailures, clientAddress, recordSignInFailure } from '@/lib/auth/sign-in-limiter';
import { authenticate } from '@/lib/auth/users';
import { UnauthorizedError } from '@/lib/errors';
import { signInInput } from '@/lib/schemas/auth';
import { success } from '@/lib/wire/reply';

// Email + password → session cookie. Failures are rate-limited per email and client address.
export const POST = authRoute(async ({ db, input, request }) => {
  const { email, password } = signInInput.parse(input);
  const ip = clientAddress(request);
  assertSignInAllowed(email, ip);
  const user = await authenticate(db, email, password);
  if (!user) {
    recordSignInFailure(email, ip);
    throw new UnauthorizedError('The email or password is incorrect.');
  }
  clearSignInFailures(email, ip);
  const session = createSession(db, user.userId);
  const reply = success({ email });
  reply.headers.append('set-cookie', sessionCookie(request, session.value, session.expiresAt));
  return reply;
});
