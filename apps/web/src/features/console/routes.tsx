import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { AntdProvider } from '../../shared/antd-provider';
import { RequireStaff } from '../../shared/guards';
import { NotFound } from '../../shared/no-access';
import { ConsoleLayout } from './console-layout';

const Overview = lazy(() => import('./pages/overview-page'));
const People = lazy(() => import('./pages/people-page'));
const Person = lazy(() => import('./pages/person-page'));
const Assignments = lazy(() => import('./pages/assignments-page'));
const Households = lazy(() => import('./pages/households-page'));
const Household = lazy(() => import('./pages/household-page'));
const Organisations = lazy(() => import('./pages/organisations-page'));
const Organisation = lazy(() => import('./pages/organisation-page'));
const Venues = lazy(() => import('./pages/venues-page'));
const Venue = lazy(() => import('./pages/venue-page'));
const Imports = lazy(() => import('./pages/imports-page'));
const Audit = lazy(() => import('./pages/audit-page'));
const Appeals = lazy(() => import('../appeals/console/routes'));
const Settings = lazy(() => import('../admin/routes'));

/** The staff console (/console/*): desktop first, dense antd tables, scoped by the region in the URL. */
export default function ConsoleRoutes() {
  return (
    <RequireStaff>
      <AntdProvider compact>
        <ConsoleLayout>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <Routes>
              <Route index element={<Overview />} />
              <Route path="people" element={<People />} />
              <Route path="people/:id" element={<Person />} />
              <Route path="assignments" element={<Assignments />} />
              <Route path="households" element={<Households />} />
              <Route path="households/:id" element={<Household />} />
              <Route path="organisations" element={<Organisations />} />
              <Route path="organisations/:id" element={<Organisation />} />
              <Route path="venues" element={<Venues />} />
              <Route path="venues/:id" element={<Venue />} />
              <Route path="imports" element={<Imports />} />
              <Route path="audit" element={<Audit />} />
              <Route path="appeals/*" element={<Appeals />} />
              <Route path="settings/*" element={<Settings />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ConsoleLayout>
      </AntdProvider>
    </RequireStaff>
  );
}
