import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { pageSession } from '@/lib/auth/current-user';

export const metadata = { title: 'Sign in' };

/** Only same-site paths are followed after sign-in (never "//evil.example"). */
function safeNext(next: string | string[] | undefined): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/campaigns';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await pageSession();
  const next = safeNext((await searchParams).next);
  if (session.state === 'setup') redirect('/setup');
  if (session.state === 'signed-in') redirect(next);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-muted">Sign in to plan and watch your calling campaigns.</p>
      <SignInForm next={next} />
    </>
  );
}
