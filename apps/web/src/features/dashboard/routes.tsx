import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../shared/guards';
import { useI18n } from '../../shared/i18n';

/** Placeholder for the live dashboard (/dashboard/*); replaced by the dashboard feature. */
function DashboardHome() {
  const { t } = useI18n();
  return (
    <main style={{ padding: 20 }}>
      <h1>{t('数据看板', 'Dashboard')}</h1>
    </main>
  );
}

export default function DashboardRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route path="*" element={<DashboardHome />} />
      </Routes>
    </RequireAuth>
  );
}
