import { useState } from 'react';
import { Button, Drawer, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@shuren/core';
import { hasPermission, useMe } from '../../../shared/auth';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { CursorTable } from './cursor-table';

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What changed: only the fields whose value differs between the before and after snapshots. */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'updatedAt' && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (!keys.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const created = before === null || before === undefined;
  return (
    <div style={{ fontSize: 12, maxWidth: 520, maxHeight: 140, overflow: 'auto' }}>
      {keys.map((k) => (
        <div key={k}>
          <code>{k}</code>: {created ? null : <><del style={{ color: '#999' }}>{show(b[k])}</del> → </>}
          <span>{show(a[k])}</span>
        </div>
      ))}
    </div>
  );
}

export function useAuditColumns() {
  const { t, lang } = useI18n();
  return [
    { title: t('时间', 'When'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v, lang) },
    { title: t('操作人', 'Who'), dataIndex: ['actor', 'name'], width: 110, render: (v: string | null) => v ?? t('系统', 'system') },
    { title: t('操作', 'Action'), dataIndex: 'action', width: 160, render: (v: string) => <code>{v}</code> },
    { title: t('对象', 'Record'), dataIndex: ['entity', 'type'], width: 110, render: (_: string, r: AuditEntry) => <span title={r.entity.id}>{r.entity.type}</span> },
    { title: t('变更内容', 'Changes'), key: 'changes', render: (_: unknown, r: AuditEntry) => <Changes before={r.before} after={r.after} /> },
  ];
}

/** The history of one record (`GET /audit?entityType=&entityId=`). */
export function AuditHistory({ entityType, entityId }: { entityType: string; entityId: string }) {
  const columns = useAuditColumns();
  return <CursorTable<AuditEntry> path="/audit" filters={{ entityType, entityId }} columns={columns} testId="audit-history" scroll={{ x: 'max-content' }} />;
}

/** A "history" button that opens the record's audit trail; shown only to accounts that may read audit. */
export function AuditButton({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!hasPermission(me.data, 'audit.read')) return null;
  return (
    <>
      <Button size="small" icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="audit-button">
        {t('变更记录', 'History')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size="large" title={t('变更记录', 'History')} destroyOnHidden>
        {open && <AuditHistory entityType={entityType} entityId={entityId} />}
      </Drawer>
    </>
  );
}

