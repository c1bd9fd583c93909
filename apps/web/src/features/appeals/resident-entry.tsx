import { lazy, Suspense } from 'react';
import { Loading } from '../../shared/no-access';

// The appeals phone pages load when a resident opens them, not with the resident home page.
const Routes = lazy(() => import('./resident/routes'));
const Handler = lazy(() => import('./handler/routes'));

/** Mounted by the resident routes at `/r/appeals/*`. */
export function ResidentAppeals() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes />
    </Suspense>
  );
}

/** Mounted by the resident routes at `/r/tasks/*`: the 楼长's and grid worker's "待我处理". */
export function HandlerTasks() {
  return (
    <Suspense fallback={<Loading />}>
      <Handler />
    </Suspense>
  );
}
