import { lazy, Suspense } from 'react';
import { Loading } from '../../shared/no-access';

// The appeals phone pages load when a resident opens them, not with the resident home page.
const Routes = lazy(() => import('./resident/routes'));

/** Mounted by the resident routes at `/r/appeals/*`. */
export function ResidentAppeals() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes />
    </Suspense>
  );
}
