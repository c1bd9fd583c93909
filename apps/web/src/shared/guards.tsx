import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe, isStaff } from './auth';
import { isApiError } from './api';
import { Loading, NoAccess, NotFound } from './no-access';

/** Signed-in only: otherwise to sign-in, with the way back in `next`. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const loc = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  return <>{children}</>;
}

/** Staff console: signed in and holding a desk role. Others see "no access" (never a blank page). */
export function RequireStaff({ children }: { children: ReactNode }) {
  const me = useMe();
  return (
    <RequireAuth>
      {isStaff(me.data) ? children : <NoAccess />}
    </RequireAuth>
  );
}

/** Turns a failed query into the right page: 403 → no access, 404 → not found; otherwise null (caller shows its own). */
export function errorPage(error: unknown): ReactNode | null {
  if (isApiError(error, 403)) return <NoAccess />;
  if (isApiError(error, 404)) return <NotFound />;
  return null;
}
