import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { ErrorBlock, LoadingBlock, Notice, Screen } from '../../resident/ui';
import { useMyAppeals } from '../appeals-api';
import { FINISHED, STATUS_WORDS } from '../appeal-labels';
import { Notices } from './notices';

/** "My reports": what I reported, what was reported for me, what I follow; newest first. And "find by code". */
export function MyReportsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mine = useMyAppeals();
  const [code, setCode] = useState('');
  return (
    <Screen title={t('我的反映', 'My reports')} back="/r" testId="ra-mine">
      <Link className="r-btn" to="/r/appeals/new" style={{ marginTop: 0 }} data-testid="ra-new">
        <span aria-hidden="true">📣</span> {t('我要反映', 'Report a problem')}
      </Link>
      <Notices />
      <h2 style={{ marginTop: 20 }}>{t('反映记录', 'My reports')}</h2>
      {mine.isPending && <LoadingBlock />}
      {mine.isError && <ErrorBlock error={mine.error} retry={() => mine.refetch()} />}
      {mine.data?.length === 0 && <Notice icon="📭" title={t('还没有反映记录', 'No reports yet')} />}
      <ul className="r-cards">
        {mine.data?.map((a) => (
          <li key={a.id} className="r-card" data-testid="ra-mine-item">
            <Link className="r-card-link" to={`/r/appeals/track/${a.trackingCode}`}>
              <span className={`r-badge ${FINISHED.includes(a.status) ? 'r-closed' : 'r-open'}`}>{t(STATUS_WORDS[a.status] ?? { zh: a.status, en: a.status })}</span>
              <p style={{ margin: '6px 0 0', overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>{a.title ?? a.description}</p>
              <p className="r-muted" style={{ margin: '4px 0 0' }}>
                {a.placeName} · {formatDateTime(a.submittedAt)} ›
              </p>
            </Link>
          </li>
        ))}
      </ul>
      <form
        className="r-card"
        style={{ marginTop: 20 }}
        onSubmit={(e) => {
          e.preventDefault();
          const c = code.replace(/[\s-]/g, '');
          if (c.length >= 4) navigate(`/r/appeals/track/${encodeURIComponent(c)}`);
        }}
      >
        <label className="ra-label" htmlFor="ra-code-input" style={{ marginTop: 0 }}>
          {t('用查询码查进度', 'Look up by tracking code')}
        </label>
        <input id="ra-code-input" className="ra-input" autoCapitalize="characters" autoComplete="off" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} data-testid="ra-code-input" />
        <button type="submit" className="r-btn r-secondary">
          {t('查询', 'Look up')}
        </button>
      </form>
    </Screen>
  );
}
