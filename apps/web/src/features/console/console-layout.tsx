import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '@shuren/core';
import { hasPermission, STAFF_ROLES, useMe, useSignOut } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { LangSwitch } from '../../shared/lang-switch';
import { RegionTree } from './shared/region-tree';
import { useScopedHref } from './shared/scope';

interface Section {
  path: string;
  zh: string;
  en: string;
  /** Shown when the account holds this permission anywhere (the server still checks every call). */
  permission?: string;
}

const SECTIONS: Section[] = [
  { path: '/console', zh: '概览', en: 'Overview' },
  { path: '/console/appeals', zh: '诉求', en: 'Appeals' },
  { path: '/console/people', zh: '人员', en: 'People', permission: 'person.read' },
  { path: '/console/assignments', zh: '任职', en: 'Roles', permission: 'person.read' },
  { path: '/console/households', zh: '住户', en: 'Households', permission: 'household.read' },
  { path: '/console/organisations', zh: '组织', en: 'Organisations', permission: 'org.read' },
  { path: '/console/venues', zh: '场所', en: 'Venues', permission: 'venue.read' },
  { path: '/console/imports', zh: '导入', en: 'Import', permission: 'person.manage' },
  { path: '/console/audit', zh: '审计', en: 'Audit', permission: 'audit.read' },
  { path: '/console/settings', zh: '设置', en: 'Settings', permission: 'appeal_category.manage' },
];

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const loc = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const href = useScopedHref();
  const sections = SECTIONS.filter((s) => !s.permission || hasPermission(me.data, s.permission));
  const current = [...sections].reverse().find((s) => loc.pathname === s.path || loc.pathname.startsWith(`${s.path}/`))?.path ?? '/console';
  const roles = [...new Set((me.data?.assignments ?? []).filter((a) => STAFF_ROLES.includes(a.role)).map((a) => a.role))];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px', background: '#fff', borderBottom: '1px solid #eee', height: 52, lineHeight: '52px' }}>
        <Link to={href('/console')} style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#b7312c', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
          <span aria-hidden="true" style={{ width: 28, height: 28, borderRadius: 6, background: '#b7312c', color: '#fff', textAlign: 'center', lineHeight: '28px' }}>熟</span>
          {t('熟人 · 工作台', 'Shuren console')}
        </Link>
        <Menu
          mode="horizontal"
          selectedKeys={[current]}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none', lineHeight: '50px' }}
          items={sections.map((s) => ({ key: s.path, label: <Link to={href(s.path)}>{t(s.zh, s.en)}</Link> }))}
        />
        <Space size={8}>
          <Link to="/dashboard">{t('数据看板', 'Dashboard')}</Link>
          <Typography.Text data-testid="me-name" strong>{me.data?.name}</Typography.Text>
          {roles.map((r) => (
            <Tag key={r} color="red" style={{ marginInlineEnd: 0 }}>{t(ROLE_LABELS[r])}</Tag>
          ))}
          <LangSwitch style={{ fontSize: 12 }} />
          <Button
            size="small"
            icon={<LogoutOutlined />}
            data-testid="sign-out"
            onClick={async () => {
              await signOut();
              navigate('/login', { replace: true });
            }}
          >
            {t('退出', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={260} theme="light" style={{ borderRight: '1px solid #eee', overflow: 'auto', height: 'calc(100vh - 52px)', position: 'sticky', top: 0 }}>
          <RegionTree />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
