'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScheduleInput } from '../schemas/schedule';
import { api } from './api';
import { campaignKeys, scheduleKeys } from './keys';
import type { Schedule } from './types';

export function useSchedules() {
  return useQuery({ queryKey: scheduleKeys.list(), queryFn: ({ signal }) => api<Schedule[]>('/api/schedules', { signal }) });
}

export function useCreateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => api<{ response: { id: number } }>('/api/schedules', { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

export function useUpdateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: Partial<ScheduleInput> }) => api(`/api/schedules/${id}`, { method: 'PATCH', json: input }),
    // Campaigns show their schedule's nickname and days: refresh them too.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: scheduleKeys.all }), qc.invalidateQueries({ queryKey: campaignKeys.all })]),
  });
}

export function useDeleteSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/schedules/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}
