import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export function Brand() {
  return (
    <Link href="/campaigns" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-accent text-sm font-bold text-accent-fg">
        C
      </span>
      Callpace
    </Link>
  );
}

/** The dashboard frame: brand, main navigation (incl. API docs), the user and theme controls. */
export function AppShell({ email, children, wide }: { email: string | null; children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Brand />
          <nav aria-label="Main" className="order-3 w-full min-w-0 md:order-none md:w-auto md:flex-1">
            <NavLinks />
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <ThemeToggle />
            {email && (
              <>
                <span className="hidden text-sm text-muted lg:inline" title="Signed in as">
                  {email}
                </span>
                <SignOutButton />
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className={wide ? 'flex-1' : 'mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8'}>
        {children}
      </main>
    </div>
  );
}
