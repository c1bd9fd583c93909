import { useQuery } from '@tanstack/react-query';
import type { AppealQueueCounts } from '@shuren/core';
import { api, isApiError } from '../../../shared/api';
import type { Appeal, PageOf } from '../appeals-api';

// Type-only imports from @shuren/core: these phone pages must not carry the schema library.

export const TASKS_KEY = ['appeals', 'tasks'] as const;

/**
 * "待我处理": my units' queue as the console reads it (GET /appeals, overdue first, then by deadline). A 楼长's
 * building holds a handful; the first 100 are plenty for a phone, and the count says when there are more.
 */
export function useTasks() {
  return useQuery({ queryKey: [...TASKS_KEY, 'list'], queryFn: () => api<PageOf<Appeal>>('/appeals', { query: { limit: 100 } }) });
}

/**
 * The badge: open work owed by my units and how much is overdue. Someone with no queue (a resident, an auditor)
 * gets null — the server's 403 is the answer, not an error — and sees no tile.
 */
export function useTaskCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'counts'],
    enabled,
    refetchInterval: 120_000,
    queryFn: async (): Promise<AppealQueueCounts | null> => {
      try {
        return await api<AppealQueueCounts>('/appeals/counts');
      } catch (e) {
        if (isApiError(e, 403)) return null;
        throw e;
      }
    },
  });
}

/** The reporter's phone, revealed for this matter (the server checks the 楼长 may, and audits every reveal). */
export function revealPhone(personId: string, trackingCode: string) {
  return api<{ phone?: string | null }>(`/people/${personId}/reveal`, { body: { fields: ['phone'], reason: `处理诉求 ${trackingCode}` } });
}
