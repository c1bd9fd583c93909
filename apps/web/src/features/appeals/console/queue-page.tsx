import { Checkbox, Radio, Select, Space } from 'antd';
import { APPEAL_STATUS_LABELS, APPEAL_STATUSES } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { AppealsDesk, CategorySelect, useDeskState } from './desk';
import { AppealQueueTable } from './queue-table';

/**
 * 诉求工作台 (/console/appeals): what my units must act on (or everything placed in my area), overdue first,
 * filtered by state, category and overdue. Filters live in the URL like every console page.
 */
export default function AppealQueuePage() {
  const { t } = useI18n();
  const { regionId, get, set } = useDeskState();
  const view = get('view') === 'area' ? 'area' : 'queue';
  const filters = { view, regionId, status: get('status'), categoryCode: get('category'), overdue: get('overdue') === '1' ? true : undefined, includeFinished: get('finished') === '1' ? true : undefined };
  return (
    <AppealsDesk title={t('诉求工作台', 'Appeals workbench')} other={{ to: '/console/appeals/dispatch', label: t('分拨中心 ›', 'Operations centre ›'), testId: 'open-dispatch' }}>
      <AppealQueueTable
        filters={filters}
        testId="appeal-queue"
        toolbar={
          <>
            <Radio.Group
              size="small"
              optionType="button"
              value={view}
              onChange={(e) => set({ view: e.target.value === 'area' ? 'area' : undefined })}
              options={[{ value: 'queue', label: t('我的待办', 'My queue') }, { value: 'area', label: t('辖区全部', 'Everything in my area') }]}
              data-testid="view-switch"
            />
            <Select
              allowClear
              size="small"
              style={{ width: 150 }}
              placeholder={t('状态', 'Status')}
              value={get('status')}
              onChange={(v) => set({ status: v })}
              options={APPEAL_STATUSES.map((s) => ({ value: s, label: t(APPEAL_STATUS_LABELS[s]) }))}
              aria-label={t('状态', 'Status')}
              data-testid="filter-status"
            />
            <CategorySelect placeholder={t('类别', 'Category')} value={get('category')} onChange={(v) => set({ category: v })} testId="filter-category" />
            <Space size={12}>
              <Checkbox checked={get('overdue') === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })} data-testid="filter-overdue">
                {t('只看超期', 'Overdue only')}
              </Checkbox>
              <Checkbox checked={get('finished') === '1'} onChange={(e) => set({ finished: e.target.checked ? '1' : undefined })}>
                {t('含已办结', 'Include finished')}
              </Checkbox>
            </Space>
          </>
        }
      />
    </AppealsDesk>
  );
}
