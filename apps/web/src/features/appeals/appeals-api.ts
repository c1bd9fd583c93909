import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Appeal, AppealCategory, AppealDetail as AppealDetailSchema, AppealSummaryPublic as AppealSummarySchema, CreatedAppeal as CreatedAppealSchema, PublicAppeal,
} from '@shuren/core';
import { api } from '../../shared/api';

// Type-only imports from @shuren/core: the resident pages share this file and must not carry the schema library.
export type { Appeal, AppealCategory, PublicAppeal };
export type AppealDetail = Static<typeof AppealDetailSchema>;
export type AppealSummary = Static<typeof AppealSummarySchema>;
export type CreatedAppeal = Static<typeof CreatedAppealSchema>;
export type TimelineEvent = AppealDetail['timeline'][number];

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** Route segment of a command (`request_extension` → `request-extension`), as the server registers them. */
export const commandPath = (name: string) => name.replace(/_/g, '-');

export const CATEGORIES_KEY = ['appeals', 'categories'] as const;

/** The category tree (a flat list with parent codes), sorted as the server orders it. */
export function useCategories() {
  return useQuery({ queryKey: CATEGORIES_KEY, queryFn: () => api<{ items: AppealCategory[] }>('/appeals/categories').then((r) => r.items), staleTime: 10 * 60_000 });
}

export function useTrack(code: string | undefined) {
  return useQuery({ queryKey: ['appeals', 'track', code], queryFn: () => api<PublicAppeal>(`/appeals/track/${encodeURIComponent(code!)}`), enabled: !!code });
}

/** Everything I reported, was reported for me, or follow (a resident has a handful: read to the end). */
export function useMyAppeals() {
  return useQuery({
    queryKey: ['appeals', 'mine'],
    queryFn: async () => {
      const items: AppealSummary[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: PageOf<AppealSummary> = await api<PageOf<AppealSummary>>('/me/appeals', { query: { limit: 100, cursor } });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

export function useAppealDetail(id: string | undefined) {
  return useQuery({ queryKey: ['appeals', 'detail', id], queryFn: () => api<AppealDetail>(`/appeals/${id}`), enabled: !!id });
}

/** Sends one workflow command; the server answers with the appeal as it now is. */
export function runCommand(id: string, name: string, body: Record<string, unknown>) {
  return api<Appeal>(`/appeals/${id}/${commandPath(name)}`, { method: 'POST', body });
}
