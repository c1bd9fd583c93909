import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { ErrorBlock, LoadingBlock, Notice, Screen } from '../../resident/ui';
import { categoryIcon } from '../appeal-labels';
import { useNow } from '../console/sla';
import { Countdown, MediationTag } from './task-card';
import { useTaskCounts, useTasks } from './tasks-api';

/**
 * "待我处理": the matters routed to my building or grid, overdue first (the server's queue order), each a big card
 * with a plain countdown. Tapping one opens it; every action is one screen away.
 */
export function TasksPage() {
  const { t } = useI18n();
  const now = useNow();
  const q = useTasks();
  const counts = useTaskCounts(true);
  const items = q.data?.items ?? [];
  return (
    <Screen title={t('待我处理', 'My tasks')} back="/r" testId="rt-tasks">
      {counts.data && (
        <p className="r-lead" data-testid="rt-summary">
          {counts.data.open === 0
            ? t('现在没有需要您处理的事。', 'Nothing needs you right now.')
            : t(`${counts.data.open} 件事需要处理`, `${counts.data.open} matter${counts.data.open === 1 ? '' : 's'} need you`)}
          {counts.data.overdue > 0 && <strong className="rt-overdue-text">{t(`，其中 ${counts.data.overdue} 件已超时`, `, ${counts.data.overdue} overdue`)}</strong>}
        </p>
      )}
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && items.length === 0 && <Notice icon="✅" title={t('没有待处理的事', 'Nothing to do')} testId="rt-empty" />}
      <ul className="r-cards">
        {items.map((a) => (
          <li key={a.id} className={`r-card${a.overdue ? ' rt-card-overdue' : ''}`} data-testid="rt-task">
            <Link className="r-card-link" to={`/r/tasks/${a.id}`}>
              <span className="rt-row">
                <Countdown a={a} now={now} />
                <span className="r-badge r-open">{t(a.statusName)}</span>
              </span>
              <span className="rt-title">
                <span aria-hidden="true">{categoryIcon(a.category.code)} </span>
                {t(a.category.name)}
              </span>
              <span className="rt-desc">{a.title ?? a.description}</span>
              <span className="r-muted rt-line">
                {[a.place.regionName, a.place.locationText].filter(Boolean).join(' · ')} ›
              </span>
              <MediationTag a={a} />
            </Link>
          </li>
        ))}
      </ul>
      {q.data?.nextCursor && <p className="r-muted">{t('只显示了前 100 件，其余请到电脑工作台查看。', 'Showing the first 100; see the rest in the staff console.')}</p>}
    </Screen>
  );
}
