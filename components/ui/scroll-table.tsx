import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways on narrow screens. The scroll region is focusable and named
 * so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function ScrollTable({ name, caption, headers, testId, children }: { name: string; caption: string; headers: ReactNode[]; testId?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-border" tabIndex={0} role="region" aria-label={`${name} table (scrolls sideways)`}>
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            {headers.map((h, i) => (
              <th key={i} className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
