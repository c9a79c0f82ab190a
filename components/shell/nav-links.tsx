'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '../ui/cx';

export const NAV = [
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/schedules', label: 'Schedules' },
  { href: '/profiles', label: 'Profiles' },
  { href: '/tokens', label: 'API tokens' },
  { href: '/users', label: 'Team' },
  { href: '/docs', label: 'API docs' },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto">
      {NAV.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={cx(
                'block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium',
                current ? 'bg-accent-soft text-accent-soft-fg' : 'text-muted hover:bg-surface-2 hover:text-fg',
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
