'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api';
import { campaignKeys } from './keys';
import type { CallFilters, CallPage } from './types';

export function callsUrl(campaignId: number, filters: CallFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (filters.status) q.set('status', filters.status);
  if (filters.limit) q.set('limit', String(filters.limit));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return `/api/campaigns/${campaignId}/calls${s ? `?${s}` : ''}`;
}

/** One page of a campaign's call log; polls while the campaign runs. */
export function useCalls(campaignId: number, filters: CallFilters, cursor: string | null, live: boolean) {
  return useQuery({
    queryKey: campaignKeys.calls(campaignId, filters, cursor),
    queryFn: ({ signal }) => api<CallPage>(callsUrl(campaignId, filters, cursor ? { cursor } : {}), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3_000 : false,
  });
}
