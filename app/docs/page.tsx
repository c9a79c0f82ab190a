import { ApiReference } from '@/components/docs/api-reference';
import { AppShell } from '@/components/shell/app-shell';
import { pageSession } from '@/lib/auth/current-user';

export const metadata = { title: 'API reference' };

// Public: the API's description holds no data, and script authors may not have a dashboard login.
export default async function DocsPage() {
  const session = await pageSession();
  return (
    <AppShell email={session.state === 'signed-in' ? session.user.email : null} wide>
      <h1 className="sr-only">Callpace API reference</h1>
      <ApiReference />
    </AppShell>
  );
}
