'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { api, messageOf } from '@/lib/client/api';
import { signInInput } from '@/lib/schemas/auth';
import { Button } from '../ui/button';
import { Alert } from '../ui/feedback';
import { TextField } from '../ui/field';
import { applyServerErrors } from '../ui/server-errors';

type In = z.input<typeof signInInput>;
type Out = z.output<typeof signInInput>;

export function SignInForm({ next }: { next: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(signInInput), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api('/api/auth/sign-in', { method: 'POST', json: values });
      window.location.assign(next);
    } catch (e) {
      if (!applyServerErrors(e, form.setError, ['email', 'password'])) setFailure(messageOf(e));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-xs text-muted">Forgot your password? Ask a colleague to add you again from the Team page.</p>
    </form>
  );
}
