'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserInput } from '../schemas/auth';
import { api } from './api';
import { userKeys } from './keys';
import type { User } from './types';

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => api<User[]>('/api/users', { signal }) });
}

export function useAddUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api<{ response: User }>('/api/users', { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
