import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/no-access';

const Queue = lazy(() => import('./queue-page'));
const Dispatch = lazy(() => import('./dispatch-page'));
const Appeal = lazy(() => import('./appeal-page'));

/** /console/appeals/*: the workbench, the operations centre, one appeal. Inside the console layout and its Suspense. */
export default function AppealsConsoleRoutes() {
  return (
    <Routes>
      <Route index element={<Queue />} />
      <Route path="dispatch" element={<Dispatch />} />
      <Route path=":id" element={<Appeal />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
