import { authRoute } from '@/lib/auth/auth-route';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession } from '@/lib/auth/sessions';
import { setupFirstUser } from '@/lib/auth/users';
import { setupInput } from '@/lib/schemas/auth';
import { success } from '@/lib/wire/reply';

// First-run setup: only while no user exists (409 afterwards). Signs the new user in.
export const POST = authRoute(async ({ db, input, request }) => {
  const fields = setupInput.parse(input);
  const { userId } = await setupFirstUser(db, fields);
  const session = createSession(db, userId);
  const reply = success({ email: fields.email });
  reply.headers.append('set-cookie', sessionCookie(request, session.value, session.expiresAt));
  return reply;
});
