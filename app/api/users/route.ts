import { addUser, listUsers, type UserSummary } from '@/lib/auth/users';
import { userInput } from '@/lib/schemas/auth';
import { json, success } from '@/lib/wire/reply';
import { apiRoute } from '@/lib/wire/route';

const userView = (u: UserSummary) => ({ user_id: u.id, email: u.email, created_at: u.createdAt.toISOString() });

// Users of the account.
export const GET = apiRoute(({ db, accountId }) => json(listUsers(db, accountId).map(userView)));

// Add a user to the account with an initial password (no email is sent: hand it over yourself).
export const POST = apiRoute(async ({ db, accountId, input }) => success(userView(await addUser(db, accountId, userInput.parse(input)))));
