'use client';
import { useState } from 'react';
import { Button } from '../ui/button';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await fetch('/api/auth/sign-out', { method: 'POST' });
        } finally {
          window.location.assign('/sign-in');
        }
      }}
    >
      Sign out
    </Button>
  );
}
