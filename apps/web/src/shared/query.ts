import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/** Lists page on the server; a refused or missing record is an answer, so 4xx are never retried. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
