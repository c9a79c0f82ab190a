'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from './api';
import { campaignKeys } from './keys';
import type { Campaign, CampaignStats } from './types';

/** While a campaign runs its counts change every second or so: poll, but only then. */
export const LIVE_POLL_MS = 2_000;

const anyRunning = (list: Campaign[] | undefined) => list?.some((c) => c.status === 'running') ?? false;

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: ({ signal }) => api<Campaign[]>('/api/campaigns', { signal }),
    refetchInterval: (q) => (anyRunning(q.state.data) ? LIVE_POLL_MS : false),
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => api<Campaign>(`/api/campaigns/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? LIVE_POLL_MS : false),
  });
}

export function useCampaignStats(id: number, live: boolean) {
  return useQuery({
    queryKey: campaignKeys.stats(id),
    queryFn: ({ signal }) => api<CampaignStats>(`/api/campaigns/${id}/stats`, { signal }),
    refetchInterval: live ? 5_000 : false,
  });
}

/** A campaign body as the form builds it; a File under phone_numbers goes as multipart. */
export interface CampaignSubmission {
  fields: Record<string, unknown>;
  file?: File | null;
  onProgress?: (fraction: number) => void;
}

function toFormData(fields: Record<string, unknown>, file: File): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  form.append('phone_numbers', file, file.name);
  return form;
}

export interface CreatedCampaign {
  status: 'success';
  response: { id: number };
  added: number;
  duplicates: number;
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, file, onProgress }: CampaignSubmission) =>
      file
        ? upload<CreatedCampaign>('/api/campaigns', toFormData(fields, file), onProgress)
        : api<CreatedCampaign>('/api/campaigns', { method: 'POST', json: fields }),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useUpdateCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api(`/api/campaigns/${id}`, { method: 'PATCH', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useDeleteCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/campaigns/${id}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: campaignKeys.detail(id) });
      return qc.invalidateQueries({ queryKey: campaignKeys.list() });
    },
  });
}

export function useStartStopCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'start' | 'stop') => api(`/api/campaigns/${action}`, { method: 'POST', json: { campaign_id: id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export interface AddCallsSubmission {
  lines?: string[];
  file?: File | null;
  onProgress?: (fraction: number) => void;
}

export function useAddCalls(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lines, file, onProgress }: AddCallsSubmission) => {
      if (file) {
        const form = new FormData();
        form.append('campaign_id', String(id));
        form.append('phone_numbers', file, file.name);
        return upload<{ added: number; duplicates: number }>('/api/campaigns/add-calls', form, onProgress);
      }
      return api<{ added: number; duplicates: number }>('/api/campaigns/add-calls', {
        method: 'POST',
        json: { campaign_id: id, phone_numbers: lines ?? [] },
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
