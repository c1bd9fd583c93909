import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The region scope of every console page lives in the URL (`?region=<id>`), so a view can be
 * bookmarked and shared. Filters live there too (`q`, `role`, …); paging cursors do not (they expire).
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((k: string) => params.get(k) ?? undefined, [params]);
  const set = useCallback(
    (patch: Record<string, string | undefined | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { params, get, set };
}

export function useRegionScope(): [string | undefined, (id: string | undefined) => void] {
  const { get, set } = useUrlState();
  return [get('region'), useCallback((id: string | undefined) => set({ region: id }), [set])];
}

/** A console link that keeps the current region scope. */
export function useScopedHref() {
  const [region] = useRegionScope();
  return useCallback(
    (path: string, extra?: Record<string, string | undefined>) => {
      const qs = new URLSearchParams();
      if (region) qs.set('region', region);
      for (const [k, v] of Object.entries(extra ?? {})) if (v) qs.set(k, v);
      const s = qs.toString();
      return s ? `${path}?${s}` : path;
    },
    [region],
  );
}
