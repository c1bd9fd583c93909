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

  const columns = [
    { title: t('查询码', 'Code'), key: 'code', width: 120, fixed: 'left' as const, render: (_: unknown, a: Appeal) => <CodeLink a={a} /> },
    { title: t('时限', 'Clock'), key: 'sla', width: 150, render: (_: unknown, a: Appeal) => <SlaCell a={a} now={now} /> },
    { title: t('类别', 'Category'), key: 'category', width: 120, render: (_: unknown, a: Appeal) => t(a.category.name) },
    {
      title: t('内容', 'Description'),
      dataIndex: 'description',
      width: 260,
      render: (d: string, a: Appeal) => (
        <Typography.Text ellipsis={{ tooltip: d }} style={{ maxWidth: 250 }}>
          {a.title ?? d}
        </Typography.Text>
      ),
    },
    { title: t('地点', 'Place'), key: 'place', width: 140, render: (_: unknown, a: Appeal) => a.place.regionName },
    { title: t('状态', 'Status'), key: 'status', width: 150, render: (_: unknown, a: Appeal) => <StatusTag a={a} /> },
    { title: t('承办单位', 'Unit'), key: 'unit', width: 170, render: (_: unknown, a: Appeal) => unitText(a.unit, t) },
    ...(showSuggestion
      ? [
          {
            title: t('建议派给', 'Suggested'),
            key: 'suggest',
            width: 110,
            render: (_: unknown, a: Appeal) => {
              if (!a.allowedActions.includes('dispatch')) return '—';
              const s = suggestedUnit(a.unit.level, categories.get(a.category.code));
              return s ? t(s.department ? DEPARTMENT_LABELS[s.department] : APPEAL_LEVEL_LABELS[s.level]) : '—';
            },
          },
        ]
      : []),
    { title: t('提交时间', 'Submitted'), key: 'submittedAt', width: 140, render: (_: unknown, a: Appeal) => formatDateTime(a.submittedAt) },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 260,
      render: (_: unknown, a: Appeal) => (
        <Space size={4} wrap>
          {staffActions(a).map((c) => (
            <Button key={c} size="small" type={c === staffActions(a)[0] ? 'primary' : 'default'} danger={DANGER.has(c)} onClick={() => setAction({ appeal: a, command: c })} data-testid={`action-${c}`}>
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
