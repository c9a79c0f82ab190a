'use client';
import type { ComponentProps } from 'react';
import type { FieldValues, FormState, Path, RegisterOptions, UseFormGetFieldState, UseFormRegister } from 'react-hook-form';
import { MIN_PASSWORD } from '@/lib/schemas/auth';
import { Button } from './button';
import { TextField } from './field';

/** The parts of a react-hook-form form a bound field needs (any useForm<In, unknown, Out> fits). */
export interface BoundForm<T extends FieldValues> {
  register: UseFormRegister<T>;
  // T is read off `register` alone: FormState holds partial values and would infer a looser T.
  getFieldState: UseFormGetFieldState<NoInfer<T>>;
  formState: FormState<NoInfer<T>>;
}

type BoundFieldProps<T extends FieldValues> = {
  form: BoundForm<T>;
  name: Path<T>;
  options?: RegisterOptions<T, Path<T>>;
  // `form` here is the react-hook-form form, not the input's HTML form attribute.
} & Omit<ComponentProps<typeof TextField>, 'form' | 'name' | 'error'>;

/** A TextField registered on `form` under `name`, showing that field's error (client or server). */
export function FormTextField<T extends FieldValues>({ form, name, options, ...field }: BoundFieldProps<T>) {
  // Passing formState subscribes this field to error changes.
  const error = form.getFieldState(name, form.formState).error?.message;
  return <TextField error={error} {...field} {...form.register(name, options)} />;
}

/** The optional nickname (field `nickname`) of a schedule or profile: blank means none. */
export function NicknameField<T extends FieldValues>({ form, hint }: { form: BoundForm<T>; hint: string }) {
  return (
    <FormTextField
      form={form}
      name={'nickname' as Path<T>}
      label="Nickname"
      hint={hint}
      options={{ setValueAs: (v: string) => (v.trim() === '' ? undefined : v) }}
    />
  );
}

/**
 * The email and chosen password of a new user (lib/schemas/auth's `email` and `newPassword`):
 * the first user setting up the account for themselves, or a colleague added from the Team page
 * (whose address the browser should not fill in with the signed-in user's own).
 */
export function NewUserFields<T extends FieldValues>({ form, who }: { form: BoundForm<T>; who: 'self' | 'colleague' }) {
  const self = who === 'self';
  return (
    <>
      <FormTextField form={form} name={'email' as Path<T>} label={self ? 'Your email' : 'Email'} type="email" autoComplete={self ? 'email' : 'off'} />
      <FormTextField
        form={form}
        name={'password' as Path<T>}
        label={self ? 'Password' : 'Initial password'}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD} characters.`}
      />
    </>
  );
}

/** Submit and Cancel under an inline create/edit form. */
export function SaveOrCancel({ submitting, label, onCancel }: { submitting: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={submitting}>
        {submitting ? 'Saving…' : label}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
