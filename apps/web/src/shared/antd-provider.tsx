import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useLang } from './i18n';

/**
 * Ant Design with the chosen language. Wrap a lazily loaded section with it (console, sign-in,
 * dashboard) so antd never lands in the shell's own chunk. `compact` is for dense staff tables.
 */
export function AntdProvider({ children, compact = false, large = false }: { children: ReactNode; compact?: boolean; large?: boolean }) {
  const lang = useLang();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      componentSize={compact ? 'small' : large ? 'large' : undefined}
      theme={{ token: { colorPrimary: '#b7312c', borderRadius: 6, fontSize: large ? 18 : 14 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
