import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../shared/guards';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/auth';

/** Placeholder for the resident and 楼长 pages (/r/*); replaced by the resident feature. */
function ResidentHome() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <main style={{ padding: 20, fontSize: 18 }}>
      <h1 style={{ fontSize: 24 }}>{t('我的社区', 'My community')}</h1>
      <p>{me.data?.name}</p>
    </main>
  );
}

export default function ResidentRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<ResidentHome />} />
        <Route path="*" element={<ResidentHome />} />
      </Routes>
    </RequireAuth>
  );
}
