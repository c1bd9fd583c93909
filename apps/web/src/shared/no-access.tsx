import { Link } from 'react-router-dom';
import { useI18n } from './i18n';
import { homeFor, useMe } from './auth';

/**
 * Shown when the server answers 403 or a section is not for this account: clear words, a way home.
 * Plain markup (no antd) so it costs the phone pages nothing.
 */
export function NoAccess({ detail }: { detail?: string }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <main role="main" data-testid="no-access" style={{ maxWidth: 560, margin: '10vh auto', padding: '24px', textAlign: 'center', fontSize: 18, lineHeight: 1.6 }}>
      <div aria-hidden="true" style={{ fontSize: 56, lineHeight: 1 }}>🔒</div>
      <h1 style={{ fontSize: 26, margin: '16px 0 8px' }}>{t('无权访问', 'No access')}</h1>
      <p style={{ margin: '0 0 8px', color: '#333' }}>{t('您没有权限查看此页面或此记录。', 'You do not have access to this page or record.')}</p>
      <p style={{ margin: '0 0 24px', color: '#555' }}>
        {detail ?? t('如果您认为这是错误，请联系您所在社区的工作人员。', 'If you think this is a mistake, please contact your community office.')}
      </p>
      <Link to={me.data ? homeFor(me.data) : '/login'} style={{ display: 'inline-block', padding: '12px 28px', background: '#c0392b', color: '#fff', borderRadius: 8, textDecoration: 'none', fontSize: 18 }}>
        {t('返回首页', 'Back to home')}
      </Link>
    </main>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <main role="main" data-testid="not-found" style={{ maxWidth: 560, margin: '10vh auto', padding: '24px', textAlign: 'center', fontSize: 18 }}>
      <h1 style={{ fontSize: 26 }}>{t('找不到该页面', 'Page not found')}</h1>
      <p>{t('链接可能已失效，或记录已被移动。', 'The link may be out of date or the record was moved.')}</p>
      <Link to="/" style={{ fontSize: 18 }}>{t('返回首页', 'Back to home')}</Link>
    </main>
  );
}

/** Plain loading text for Suspense fallbacks. */
export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" style={{ padding: 32, fontSize: 18, color: '#666' }}>
      {t('正在加载…', 'Loading…')}
    </div>
  );
}
