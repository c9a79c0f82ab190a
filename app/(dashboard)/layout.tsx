import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { pageSession } from '@/lib/auth/current-user';

// Every dashboard page needs a signed-in user; an empty database goes to first-run setup.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await pageSession();
  if (session.state === 'setup') redirect('/setup');
  if (session.state === 'signed-out') redirect('/sign-in');
  return <AppShell email={session.user.email}>{children}</AppShell>;
}
