'use client';
import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './cx';

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
  className?: string;
}

function messages(error: FieldChrome['error']): string[] {
  return error === undefined ? [] : Array.isArray(error) ? error : [error];
}

/** Label, control, hint and inline errors, wired together with ids for screen readers. */
function FieldFrame({ id, label, hint, error, className, children }: FieldChrome & { id: string; children: ReactNode }) {
  const errs = messages(error);
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {errs.length > 0 && (
        <ul id={`${id}-error`} className="text-sm text-danger">
          {errs.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: FieldChrome['error']) {
  const ids = [hint ? `${id}-hint` : null, messages(error).length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField({ label, hint, error, className, id: given, ...input }: FieldChrome & ComponentProps<'input'>) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        aria-invalid={messages(error).length > 0 || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx('w-full', messages(error).length > 0 && 'border-danger')}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({ label, hint, error, className, id: given, children, ...select }: FieldChrome & ComponentProps<'select'>) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        aria-invalid={messages(error).length > 0 || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx('w-full', messages(error).length > 0 && 'border-danger')}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({ label, hint, error, className, id: given, ...area }: FieldChrome & ComponentProps<'textarea'>) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        aria-invalid={messages(error).length > 0 || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx('w-full font-mono', messages(error).length > 0 && 'border-danger')}
        {...area}
      />
    </FieldFrame>
  );
}
