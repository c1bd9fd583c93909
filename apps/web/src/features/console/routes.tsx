import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { AntdProvider } from '../../shared/antd-provider';
import { RequireStaff } from '../../shared/guards';
import { NotFound } from '../../shared/no-access';
import { ConsoleLayout } from './console-layout';

const Overview = lazy(() => import('./pages/overview-page'));

/** The staff console (/console/*): desktop first, dense antd tables, scoped by the region in the URL. */
export default function ConsoleRoutes() {
  return (
    <RequireStaff>
      <AntdProvider compact>
        <ConsoleLayout>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <Routes>
              <Route index element={<Overview />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ConsoleLayout>
      </AntdProvider>
    </RequireStaff>
  );
}
