'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryStatus } from '../enums';
import type { DeliveriesPage } from '../schemas/calls';
import { api } from './api';
import { campaignKeys } from './keys';

/**
 * One page of a campaign's result deliveries (its result_url outbox). Polls even after the
 * campaign ended: the outbox keeps retrying, and a filtered page cannot tell whether any
 * delivery is still pending.
 */
export function useDeliveries(campaignId: number, status: DeliveryStatus | '', cursor: string | null) {
  const q = new URLSearchParams({ limit: '25' });
  if (status) q.set('status', status);
  if (cursor) q.set('cursor', cursor);
  return useQuery({
    queryKey: campaignKeys.deliveries(campaignId, status, cursor),
    queryFn: ({ signal }) => api<DeliveriesPage>(`/api/campaigns/${campaignId}/deliveries?${q}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
}

/** Gives a dead delivery a fresh set of attempts, due now. */
export function useReplayDelivery(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: number) => api(`/api/deliveries/${deliveryId}/replay`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...campaignKeys.all, 'deliveries', campaignId] }),
  });
}
