'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { messageOf } from '@/lib/client/api';
import { formatStamp } from '@/lib/client/format';
import { useAddUser, useUsers } from '@/lib/client/users';
import { userInput } from '@/lib/schemas/auth';
import { Button } from '../ui/button';
import { Alert, Card, PageHeader } from '../ui/feedback';
import { NewUserFields } from '../ui/form-fields';
import { QueryState } from '../ui/query-state';
import { applyServerErrors } from '../ui/server-errors';

type In = z.input<typeof userInput>;
type Out = z.output<typeof userInput>;

/** The people who can sign in to this account, and a form to add one. */
export function UsersView({ currentEmail }: { currentEmail: string }) {
  const users = useUsers();
  const add = useAddUser();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(userInput), defaultValues: { email: '', password: '' } });
  const { isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(null);
    try {
      await add.mutateAsync(values);
      setAdded(values.email);
      form.reset();
    } catch (e) {
      applyServerErrors(e, form.setError, ['email', 'password']);
    }
  });
  return (
    <>
      <PageHeader title="Team" description="Everyone listed here can sign in and manage this account’s campaigns, schedules, profiles and tokens." />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title="People">
          <QueryState isPending={users.isPending} error={users.error} refetch={users.refetch} what="team" />
          {users.data && (
            <ul className="divide-y divide-border" aria-label="Users">
              {users.data.map((u) => (
                <li key={u.user_id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span className="font-medium">
                    {u.email}
                    {u.email === currentEmail && <span className="ml-2 text-xs text-muted">(you)</span>}
                  </span>
                  <span className="text-xs text-muted">added {formatStamp(u.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
          {users.data?.length === 1 && <p className="mt-3 text-sm text-muted">Only you so far. Add a colleague with the form.</p>}
        </Card>
        <Card title="Add a person" description="No email is sent: give them the address and initial password yourself.">
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            {added && <Alert tone="success">{added} can now sign in.</Alert>}
            {add.error && !(add.error as { fields?: unknown }).fields && <Alert tone="error">{messageOf(add.error)}</Alert>}
            <NewUserFields form={form} who="colleague" />
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Adding…' : 'Add person'}
            </Button>
          </form>
        </Card>
      </div>
    </>
  );
}
