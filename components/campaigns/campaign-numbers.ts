import type { Campaign } from '@/lib/client/types';

/** Calls no longer waiting in the queue: dialing, completed or interrupted. */
export const dialedOf = (c: Campaign) => c.calls.total - c.calls.queued;

export const OUTCOME_LABELS = { answered: 'Answered', busy: 'Busy', 'no-answer': 'No answer', failed: 'Failed' } as const;
export const OUTCOME_COLORS = {
  answered: 'var(--chart-answered)',
  busy: 'var(--chart-busy)',
  'no-answer': 'var(--chart-noanswer)',
  failed: 'var(--chart-failed)',
} as const;
