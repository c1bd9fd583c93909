import { Link } from 'react-router-dom';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { useMarkRead, useUnreadNotices } from '../inbox';

/** Unread notices about my reports, on top of "my reports": tapping one opens that report and marks it read. */
export function Notices() {
  const { t } = useI18n();
  const notices = useUnreadNotices();
  const read = useMarkRead();
  const items = notices.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="ra-dups" aria-labelledby="ra-notices-title" data-testid="ra-notices">
      <h2 id="ra-notices-title">{t(`新消息（${items.length}）`, `New messages (${items.length})`)}</h2>
      <ul className="r-cards">
        {items.map((n) => (
          <li key={n.id} className="r-card">
            <Link className="r-card-link" to={n.trackingCode ? `/r/appeals/track/${n.trackingCode}` : '/r/appeals'} onClick={() => read.mutate(n.id)}>
              <strong>{n.title}</strong>
              <p style={{ margin: '4px 0 0' }}>{n.body}</p>
              <p className="r-muted" style={{ margin: '4px 0 0' }}>{formatDateTime(n.createdAt)}</p>
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="r-btn r-secondary" onClick={() => read.mutate('all')}>
        {t('全部标为已读', 'Mark all as read')}
      </button>
    </section>
  );
}
