import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { APPEAL_LEVEL_LABELS, DEPARTMENT_LABELS, type Department } from '@shuren/core';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import type { Appeal } from '../appeals-api';
import { formatSpan, slaView } from './sla';

const STATUS_COLORS: Record<string, string> = {
  submitted: 'orange', accepted: 'gold', returned: 'volcano', dispatched: 'blue', in_progress: 'processing', handled: 'cyan', verified: 'green', closed: 'default', rejected: 'default', merged: 'default',
};

export function StatusTag({ a }: { a: Pick<Appeal, 'status' | 'statusName' | 'paused' | 'reworkCount'> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      <Tag color={STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }}>{t(a.statusName)}</Tag>
      {a.paused && <Tag color="purple">{t('暂停', 'Paused')}</Tag>}
      {a.reworkCount > 0 && <Tag color="red">{t(`返工 ${a.reworkCount}`, `Rework ${a.reworkCount}`)}</Tag>}
    </Space>
  );
}

/** Who holds it: "社区 · 同德社区" or "职能部门 · 应急消防". */
export function unitText(u: Appeal['unit'], t: (x: { zh: string; en: string }) => string): string {
  const where = u.department ? t(DEPARTMENT_LABELS[u.department as Department] ?? { zh: u.department, en: u.department }) : (u.regionName ?? '');
  return `${t(APPEAL_LEVEL_LABELS[u.level])}${where ? ` · ${where}` : ''}`;
}

/** The countdown: time left on the next clock, red when overdue, amber within two hours. */
export function SlaCell({ a, now }: { a: Appeal; now: number }) {
  const { t, lang } = useI18n();
  const v = slaView(a, now);
  if (v.tone === 'none' || v.leftMs === null) {
    return <Typography.Text type="secondary">{a.paused ? t('已暂停计时', 'Clock paused') : '—'}</Typography.Text>;
  }
  const clock = v.clock === 'response' ? t('响应', 'Response') : t('办结', 'Resolution');
  const text = v.tone === 'overdue' ? t(`${clock}超期 ${formatSpan(v.leftMs, lang)}`, `${clock} overdue ${formatSpan(v.leftMs, lang)}`) : t(`${clock}剩 ${formatSpan(v.leftMs, lang)}`, `${clock}: ${formatSpan(v.leftMs, lang)} left`);
  return (
    <Tooltip title={`${t('截止', 'Due')} ${formatDateTime(a.dueAt)}`}>
      <Typography.Text strong={v.tone !== 'ok'} type={v.tone === 'overdue' ? 'danger' : v.tone === 'soon' ? 'warning' : undefined} data-testid={v.tone === 'overdue' ? 'sla-overdue' : 'sla-left'}>
        {v.tone === 'overdue' ? '⏰ ' : ''}
        {text}
      </Typography.Text>
    </Tooltip>
  );
}

export function CodeLink({ a }: { a: Appeal }) {
  return (
    <Link to={`/console/appeals/${a.id}`} data-testid="appeal-link" style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
      {a.trackingCode}
    </Link>
  );
}

export const overdueRowStyle = (a: Appeal) => (a.overdue ? { background: '#fff1f0' } : undefined);
