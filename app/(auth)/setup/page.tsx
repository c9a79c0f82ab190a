import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { pageSession } from '@/lib/auth/current-user';

export const metadata = { title: 'Set up Callpace' };

// Shown only on an empty database; afterwards sign-up is closed.
export default async function SetupPage() {
  const session = await pageSession();
  if (session.state === 'signed-in') redirect('/campaigns');
  if (session.state === 'signed-out') redirect('/sign-in');
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Welcome to Callpace</h1>
      <p className="mt-2 text-sm text-muted">
        Create the first user to get started. After this, new people can only be added by a signed-in user, from the Team page.
      </p>
      <SetupForm />
    </>
  );
}
