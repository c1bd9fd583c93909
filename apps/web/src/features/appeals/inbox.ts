import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppealNotification } from '@shuren/core';
import { api } from '../../shared/api';
import type { PageOf } from './appeals-api';

const KEY = ['appeals', 'inbox'] as const;

/** My unread notices (new assignment, deadline, escalation, updates to what I reported or follow). */
export function useUnreadNotices() {
  return useQuery({ queryKey: KEY, queryFn: () => api<PageOf<AppealNotification>>('/me/notifications', { query: { unread: true, limit: 20 } }).then((p) => p.items), refetchInterval: 60_000 });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? api('/me/notifications/read-all', { method: 'POST' }) : api(`/me/notifications/${id}/read`, { method: 'POST' })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
