import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AppealTrends } from '@shuren/core';
import { api } from '../../../shared/api';

/** Weekly trends of a region subtree (the last `weeks` Shanghai weeks), optionally for one category. */
export function useAppealTrends(regionId: string | undefined, weeks: number, categoryCode: string | undefined) {
  return useQuery({
    queryKey: ['appeal-trends', regionId, weeks, categoryCode ?? null],
    queryFn: () => api<AppealTrends>(`/regions/${regionId}/appeal-trends`, { query: { weeks, categoryCode } }),
    enabled: !!regionId,
    staleTime: 60_000,
    // Switching category or span keeps the old lines on screen until the new ones arrive; another region does not.
    placeholderData: (previous, query) => (query?.queryKey[1] === regionId ? keepPreviousData(previous) : undefined),
  });
}
