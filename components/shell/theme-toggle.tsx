'use client';
import { useEffect, useId, useState } from 'react';
import { applyTheme, THEME_KEY, type ThemeChoice } from './theme';

/** Theme picker: System (follows the OS, live), Light or Dark; remembered in this browser. */
export function ThemeToggle() {
  const id = useId();
  // null until the saved choice is read (after hydration): the pre-paint script already applied it.
  const [choice, setChoice] = useState<ThemeChoice | null>(null);
  useEffect(() => {
    const saved = localStorage.getItem(THEME_KEY);
    setChoice(saved === 'light' || saved === 'dark' ? saved : 'system');
  }, []);
  useEffect(() => {
    if (choice === null) return;
    applyTheme(choice);
    if (choice !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-muted">
        Theme
      </label>
      <select
        id={id}
        value={choice ?? 'system'}
        className="py-1"
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          if (next === 'system') localStorage.removeItem(THEME_KEY);
          else localStorage.setItem(THEME_KEY, next);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
