import { useEffect, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { LangSwitch } from '../../shared/lang-switch';

/**
 * One screen = one task: a red top bar with a back button and the task's title, then the content.
 * The document title follows the screen so a screen reader (and WeChat's title bar) says where you are.
 */
export function Screen({ title, back, children, testId }: { title: string; back?: string | null; children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('熟人社区', 'Shuren')}`;
  }, [title, t]);
  return (
    <div className="r-app" data-testid={testId}>
      <header className="r-top">
        {back !== null && <BackButton to={back} />}
        <h1>{title}</h1>
        <LangSwitch style={{ minWidth: 56, minHeight: 48, border: 0, borderRadius: 10, background: 'rgba(255,255,255,0.16)', color: '#fff', fontSize: 18 }} />
      </header>
      <main className="r-main">{children}</main>
    </div>
  );
}

function BackButton({ to }: { to?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const label = t('返回', 'Back');
  if (to) {
    return (
      <Link to={to} data-testid="r-back">
        <span aria-hidden="true">‹</span>&nbsp;{label}
      </Link>
    );
  }
  return (
    <button type="button" data-testid="r-back" onClick={() => (history.length > 1 ? navigate(-1) : navigate('/r'))}>
      <span aria-hidden="true">‹</span>&nbsp;{label}
    </button>
  );
}

/** A big, friendly message block: empty lists, refusals, failures. */
export function Notice({ icon, title, children, testId }: { icon: string; title: string; children?: ReactNode; testId?: string }) {
  return (
    <section className="r-notice" data-testid={testId} role="status">
      <div className="r-notice-icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function LoadingBlock() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite">
      <span className="r-visually-hidden">{t('正在加载…', 'Loading…')}</span>
      <div className="r-skeleton" />
      <div className="r-skeleton" style={{ marginTop: 12 }} />
    </div>
  );
}

/** A failed query in words an elderly reader understands, with a retry; 403 gets the "no access" wording. */
export function ErrorBlock({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  if (isApiError(error, 403)) {
    return (
      <Notice icon="🔒" title={t('无权查看', 'No access')} testId="no-access">
        <p>{t('您没有权限查看这里的信息。如有疑问，请联系社区工作人员。', 'You do not have access to this information. Please ask your community office if you think this is wrong.')}</p>
        <Link className="r-btn" to="/r">
          {t('返回首页', 'Back to home')}
        </Link>
      </Notice>
    );
  }
  return (
    <Notice icon="⚠️" title={t('暂时无法加载', 'Could not load')} testId="r-error">
      <p>{isApiError(error) && error.status === 0 ? error.message : t('请稍后再试。', 'Please try again in a moment.')}</p>
      {retry && (
        <button type="button" className="r-btn" onClick={retry}>
          {t('重试', 'Try again')}
        </button>
      )}
    </Notice>
  );
}

/** tel: link as a full-width button; only digits and + go into the href. */
export function CallButton({ phone, name, testId }: { phone: string; name: string; testId?: string }) {
  const { t } = useI18n();
  const digits = phone.replace(/[^\d+]/g, '');
  return (
    <a className="r-btn" href={`tel:${digits}`} data-testid={testId}>
      <span aria-hidden="true">📞</span> {t('拨打', 'Call')} {phone}
      {/* Screen readers also hear whom the number reaches (the visible text stays the start of the name). */}
      <span className="r-visually-hidden">{t(`（${name}）`, ` (${name})`)}</span>
    </a>
  );
}
