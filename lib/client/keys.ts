import type { CallFilters } from './types';

/**
 * The one query-key factory. Mutations invalidate by these keys; keys never hold timestamps.
 * Hierarchical: invalidating `campaignKeys.all` refreshes lists, details, calls and stats.
 */
export const scheduleKeys = {
  all: ['schedules'] as const,
  list: () => [...scheduleKeys.all, 'list'] as const,
};

export const profileKeys = {
  all: ['profiles'] as const,
  list: () => [...profileKeys.all, 'list'] as const,
};

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  detail: (id: number) => [...campaignKeys.all, 'detail', id] as const,
  calls: (id: number, filters: CallFilters, cursor: string | null) => [...campaignKeys.all, 'calls', id, filters, cursor] as const,
  stats: (id: number) => [...campaignKeys.all, 'stats', id] as const,
  deliveries: (id: number, status: string, cursor: string | null) => [...campaignKeys.all, 'deliveries', id, status, cursor] as const,
};

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};
