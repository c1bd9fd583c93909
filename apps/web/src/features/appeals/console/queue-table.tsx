import { useMemo, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import type { QueryParams } from '../../../shared/api';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { CursorTable } from '../../console/shared/cursor-table';
import { useCategories, type Appeal, type AppealCategory } from '../appeals-api';
import { ActionModal, COMMAND_LABELS, DANGER, staffActions } from './action-modal';
import { CodeLink, SlaCell, StatusTag, overdueRowStyle, unitText } from './appeal-cells';
import { BulkDispatch } from './bulk-dispatch';
import { useNow } from './sla';
import { suggestedUnit } from './suggest';
import { APPEAL_LEVEL_LABELS, DEPARTMENT_LABELS } from '@shuren/core';

/**
 * A server-paged list of appeals (overdue first, then by deadline — the server's order) with the SLA
 * countdown, every allowed action one click away, and selection for bulk dispatch.
 */
export function AppealQueueTable({ filters, toolbar, testId, showSuggestion = false }: { filters: QueryParams; toolbar?: React.ReactNode; testId: string; showSuggestion?: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  const categoriesQ = useCategories();
  const categories = useMemo(() => new Map<string, AppealCategory>((categoriesQ.data ?? []).map((c) => [c.code, c])), [categoriesQ.data]);
  const [action, setAction] = useState<{ appeal: Appeal; command: string } | null>(null);
  const [selected, setSelected] = useState<Appeal[]>([]);

  const suggestion = (a: Appeal) => {
    if (!showSuggestion || !a.allowedActions.includes('dispatch')) return null;
    const s = suggestedUnit(a.unit.level, categories.get(a.category.code));
    return s ? t(s.department ? DEPARTMENT_LABELS[s.department] : APPEAL_LEVEL_LABELS[s.level]) : null;
  };
  const columns = [
    {
      title: t('查询码', 'Code'),
      key: 'code',
      width: 120,
      render: (_: unknown, a: Appeal) => (
        <>
          <CodeLink a={a} />
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{formatDateTime(a.submittedAt)}</div>
        </>
      ),
    },
    { title: t('时限', 'Clock'), key: 'sla', width: 130, render: (_: unknown, a: Appeal) => <SlaCell a={a} now={now} /> },
    {
      title: t('类别 · 地点 / 内容', 'Category · place / description'),
      key: 'what',
      width: 260,
      render: (_: unknown, a: Appeal) => (
        <>
          <Typography.Text strong>{t(a.category.name)}</Typography.Text>
          <Typography.Text type="secondary"> · {a.place.regionName}</Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 1, tooltip: a.description }} style={{ margin: 0, maxWidth: 250 }}>
            {a.title ?? a.description}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t('状态', 'Status'), key: 'status', width: 110, render: (_: unknown, a: Appeal) => <StatusTag a={a} /> },
    {
      title: showSuggestion ? t('承办单位 / 建议派给', 'Unit / suggested') : t('承办单位', 'Unit'),
      key: 'unit',
      width: 170,
      render: (_: unknown, a: Appeal) => {
        const s = suggestion(a);
        return (
          <>
            <div>{unitText(a.unit, t)}</div>
            {s && (
              <Typography.Text type="success" data-testid="suggested-unit">
                {t(`建议 → ${s}`, `Suggested → ${s}`)}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 230,
      fixed: 'right' as const,
      render: (_: unknown, a: Appeal) => (
        <Space size={4} wrap>
          {staffActions(a).map((c, i) => (
            <Button key={c} size="small" type={i === 0 ? 'primary' : 'default'} danger={DANGER.has(c)} onClick={() => setAction({ appeal: a, command: c })} data-testid={`action-${c}`}>
              {t(COMMAND_LABELS[c])}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <CursorTable<Appeal>
        path="/appeals"
        filters={filters}
        columns={columns}
        testId={testId}
        onRow={(a) => ({ style: overdueRowStyle(a), 'data-testid': `appeal-row-${a.trackingCode}` }) as React.HTMLAttributes<HTMLElement>}
        rowSelection={{
          selectedRowKeys: selected.map((a) => a.id),
          onChange: (_keys, rows) => setSelected(rows),
          getCheckboxProps: (a) => ({ disabled: !a.allowedActions.includes('dispatch'), 'aria-label': a.trackingCode }),
        }}
        toolbar={
          <Space wrap style={{ marginBottom: 8, width: '100%' }}>
            {toolbar}
            <BulkDispatch selected={selected} categories={categories} onDone={() => setSelected([])} />
          </Space>
        }
      />
      {action && <ActionModal appeal={action.appeal} command={action.command} category={categories.get(action.appeal.category.code)} onClose={() => setAction(null)} />}
    </>
  );
}
