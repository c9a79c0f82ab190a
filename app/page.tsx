import { redirect } from 'next/navigation';
import { pageSession } from '@/lib/auth/current-user';

export default async function Home() {
  const session = await pageSession();
  redirect(session.state === 'setup' ? '/setup' : session.state === 'signed-out' ? '/sign-in' : '/campaigns');
}
