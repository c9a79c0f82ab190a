import { UsersView } from '@/components/users/users-view';
import { pageSession } from '@/lib/auth/current-user';

export const metadata = { title: 'Team' };

export default async function UsersPage() {
  const session = await pageSession();
  return <UsersView currentEmail={session.state === 'signed-in' ? session.user.email : ''} />;
}
