import { Navigate, Route, Routes } from 'react-router-dom';
import { AntdProvider } from '../../shared/antd-provider';
import { useMe } from '../../shared/auth';
import { RequireAuth } from '../../shared/guards';
import { Loading, NoAccess } from '../../shared/no-access';
import { defaultRegionId } from './dashboard-api';
import { DashboardPage } from './dashboard-page';

/** /dashboard → the widest region the account may read statistics of; /dashboard/:regionId → that node. */
function DashboardIndex() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  const id = defaultRegionId(me.data);
  return id ? <Navigate to={`/dashboard/${id}`} replace /> : <NoAccess />;
}

export default function DashboardRoutes() {
  return (
    <RequireAuth>
      <AntdProvider>
        <Routes>
          <Route index element={<DashboardIndex />} />
          <Route path=":regionId" element={<DashboardPage />} />
          <Route path="*" element={<DashboardIndex />} />
        </Routes>
      </AntdProvider>
    </RequireAuth>
  );
}
