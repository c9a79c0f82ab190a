'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { api, ApiError, messageOf } from '@/lib/client/api';
import { setupInput } from '@/lib/schemas/auth';
import { Button } from '../ui/button';
import { Alert } from '../ui/feedback';
import { FormTextField, NewUserFields } from '../ui/form-fields';
import { applyServerErrors } from '../ui/server-errors';

type In = z.input<typeof setupInput>;
type Out = z.output<typeof setupInput>;
const FIELDS = ['account_name', 'email', 'password'] as const;

export function SetupForm() {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(setupInput), defaultValues: { account_name: 'default', email: '', password: '' } });
  const { isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api('/api/auth/setup', { method: 'POST', json: values });
      window.location.assign('/campaigns');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setFailure(`${e.message}`);
        return;
      }
      if (!applyServerErrors(e, form.setError, FIELDS)) setFailure(messageOf(e));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <FormTextField
        form={form}
        name="account_name"
        label="Account name"
        hint="Your organisation’s name in Callpace. Keep “default” unless an administrator already made API tokens under another name."
        autoComplete="organization"
      />
      <NewUserFields form={form} who="self" />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Creating…' : 'Create account and sign in'}
      </Button>
    </form>
  );
}
