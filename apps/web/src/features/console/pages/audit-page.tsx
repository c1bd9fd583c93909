import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { useAuditColumns } from '../shared/audit-history';
import { RegistryList } from '../shared/registry-list';
import { useRegionScope, useUrlState } from '../shared/scope';

const ENTITY_TYPES = ['person', 'assignment', 'household', 'organisation', 'venue', 'region', 'account', 'import'];

/** Who did what, when: the audit log filtered by record, action and time (Shanghai days), in the region scope. */
export default function AuditPage() {
  const { t } = useI18n();
  const [regionId] = useRegionScope();
  const { get, set } = useUrlState();
  const columns = useAuditColumns();
  const day = (d: string | undefined) => (d ? dayjs(d) : null);
  // A Shanghai calendar day starts at 00:00 +08:00.
  const toTs = (d: string | undefined, plusDay = false) => (d ? new Date(`${d}T00:00:00+08:00`).getTime() + (plusDay ? 86_400_000 : 0) : undefined);
  const from = toTs(get('from'));
  const to = toTs(get('to'), true);
  const filters = {
    regionId,
    entityType: get('entityType'),
    entityId: get('entityId'),
    action: get('action'),
    from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(to).toISOString() : undefined,
  };
  return (
    <RegistryList<AuditEntry>
      title={t('审计日志', 'Audit log')}
      path="/audit"
      filters={filters}
      columns={columns}
      testId="audit-table"
      exportable
      filterControls={
        <>
          <Select allowClear value={get('entityType')} onChange={(v) => set({ entityType: v })} placeholder={t('对象类型', 'Record type')} style={{ width: 140 }} aria-label={t('对象类型', 'Record type')} options={ENTITY_TYPES.map((e) => ({ value: e, label: e }))} />
          <Input.Search allowClear defaultValue={get('entityId')} onSearch={(v) => set({ entityId: v.trim() || undefined })} placeholder={t('记录 ID', 'Record id')} style={{ width: 240 }} aria-label={t('记录 ID', 'Record id')} />
          <Input.Search allowClear defaultValue={get('action')} onSearch={(v) => set({ action: v.trim() || undefined })} placeholder={t('操作前缀，如 person.', 'Action prefix, e.g. person.')} style={{ width: 200 }} aria-label={t('操作', 'Action')} />
          <DatePicker.RangePicker
            value={[day(get('from')), day(get('to'))]}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            aria-label={t('日期范围', 'Date range')}
          />
        </>
      }
    />
  );
}
