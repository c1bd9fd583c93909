import { lazy } from 'react';
import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { NoAccess, NotFound } from '../../shared/no-access';
import { adminSections } from './admin-api';

const Categories = lazy(() => import('./categories-page'));
const Holidays = lazy(() => import('./holidays-page'));
const Open311 = lazy(() => import('./open311-page'));

/** /console/settings/*: the subdistrict admin's settings, one tab each. Inside the console layout and its Suspense. */
export default function AdminRoutes() {
  const { t } = useI18n();
  const me = useMe();
  const loc = useLocation();
  const navigate = useNavigate();
  const allowed = adminSections(me.data);
  const tabs = [
    { key: 'categories', label: t('诉求类别', 'Appeal categories'), show: allowed.categories },
    { key: 'holidays', label: t('节假日', 'Holidays'), show: allowed.holidays },
    { key: 'open311', label: t('Open311 接入', 'Open311 access'), show: allowed.open311 },
  ].filter((x) => x.show);
  if (tabs.length === 0) return <NoAccess />;
  const active = loc.pathname.split('/')[3] ?? tabs[0].key;
  return (
    <Card size="small" title={t('设置', 'Settings')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs activeKey={active} onChange={(k) => navigate(`/console/settings/${k}`)} items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`settings-tab-${x.key}`}>{x.label}</span> }))} />
      <Routes>
        <Route index element={<Navigate to={tabs[0].key} replace />} />
        <Route path="categories" element={allowed.categories ? <Categories /> : <NoAccess />} />
        <Route path="holidays" element={allowed.holidays ? <Holidays /> : <NoAccess />} />
        <Route path="open311" element={allowed.open311 ? <Open311 /> : <NoAccess />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Card>
  );
}
