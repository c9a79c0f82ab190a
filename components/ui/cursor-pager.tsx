'use client';
import { useState } from 'react';
import { Button } from './button';

/** Cursor paging state: the cursors of the pages before the current one, so "Previous" can walk back. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    reset: () => setCursors([null]),
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}

/** Previous / Next page buttons for a cursor-paged list; nothing when there is a single page. */
export function CursorPager({ label, pages, nextCursor }: { label: string; pages: ReturnType<typeof useCursorPages>; nextCursor: string | null }) {
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      <Button variant="secondary" size="sm" disabled={pages.page === 1} onClick={pages.previous}>
        Previous page
      </Button>
      <span className="text-sm text-muted">Page {pages.page}</span>
      <Button variant="secondary" size="sm" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        Next page
      </Button>
    </nav>
  );
}
