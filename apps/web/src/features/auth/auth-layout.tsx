import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { AntdProvider } from '../../shared/antd-provider';
import { LangSwitch } from '../../shared/lang-switch';
import { useI18n } from '../../shared/i18n';

/** Sign-in and registration share one calm, phone-friendly frame (large type: many residents are elderly). */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <AntdProvider large>
      <div style={{ minHeight: '100vh', background: 'linear-gradient(180deg,#fbeee9 0%,#fff 60%)', display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '24px 16px' }}>
        <div style={{ width: '100%', maxWidth: 420, display: 'flex', justifyContent: 'flex-end' }}>
          <LangSwitch />
        </div>
        <header style={{ textAlign: 'center', margin: '24px 0 16px' }}>
          <div aria-hidden="true" style={{ width: 56, height: 56, margin: '0 auto 8px', borderRadius: 12, background: '#b7312c', color: '#fff', fontSize: 32, lineHeight: '56px' }}>熟</div>
          <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>{t('熟人 · 创熟社区共治平台', 'Shuren · Community co-governance')}</Typography.Title>
        </header>
        <Card style={{ width: '100%', maxWidth: 420 }} title={<span style={{ fontSize: 20 }}>{title}</span>}>
          {children}
        </Card>
      </div>
    </AntdProvider>
  );
}
