import './auth.css';
import { useEffect, type ReactNode } from 'react';
import { LangSwitch } from '../../shared/lang-switch';
import { useI18n } from '../../shared/i18n';

/**
 * Sign-in and registration share one calm, phone-friendly frame. Plain React and CSS (no antd): this is
 * the first page a resident's phone downloads, so it stays within the resident pages' budget.
 */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const brand = t('熟人 · 创熟社区共治平台', 'Shuren · Community co-governance');
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · ${brand}`;
    return () => {
      document.title = before;
    };
  }, [title, brand]);
  return (
    <div className="a-app">
      <div className="a-bar">
        <LangSwitch className="a-lang" />
      </div>
      <header className="a-head">
        <div aria-hidden="true" className="a-logo">熟</div>
        <h1>{brand}</h1>
      </header>
      <main className="a-card">
        <h2>{title}</h2>
        {children}
      </main>
    </div>
  );
}
