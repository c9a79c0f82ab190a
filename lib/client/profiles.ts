'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileInput, ProfileUpdate } from '../schemas/profile';
import { api } from './api';
import { campaignKeys, profileKeys } from './keys';
import type { Profile } from './types';

export function useProfiles() {
  return useQuery({ queryKey: profileKeys.list(), queryFn: ({ signal }) => api<Profile[]>('/api/profiles', { signal }) });
}

export function useCreateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api<{ response: { id: number } }>('/api/profiles', { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: ProfileUpdate }) => api(`/api/profiles/${id}`, { method: 'PATCH', json: input }),
    // A profile's pace changes campaigns' timelines and next dial times.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: profileKeys.all }), qc.invalidateQueries({ queryKey: campaignKeys.all })]),
  });
}

export function useDeleteProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/profiles/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: profileKeys.all }),
  });
}
