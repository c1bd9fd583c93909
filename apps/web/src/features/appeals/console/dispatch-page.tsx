import { Badge, Space, Tabs, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { Appeal, PageOf } from '../appeals-api';
import { AppealsDesk, CategorySelect, useDeskState } from './desk';
import { AppealQueueTable } from './queue-table';

const TABS = [
  { key: 'submitted', zh: '新上报', en: 'New', filters: { view: 'queue', status: 'submitted' } },
  { key: 'accepted', zh: '已受理待派', en: 'Accepted, to dispatch', filters: { view: 'queue', status: 'accepted' } },
  { key: 'returned', zh: '被退回', en: 'Returned', filters: { view: 'queue', status: 'returned' } },
  { key: 'overdue', zh: '超期（全辖区）', en: 'Overdue (whole area)', filters: { view: 'area', overdue: true } },
] as const;

/**
 * 分拨中心 (/console/appeals/dispatch): the operations centre's desk. New and returned reports to route,
 * counted by category so a run of the same matter is dispatched together (the region tree on the left
 * narrows by place), and everything overdue anywhere in the subdistrict.
 */
export default function DispatchPage() {
  const { t } = useI18n();
  const { regionId, get, set } = useDeskState();
  const tab = TABS.find((x) => x.key === get('tab')) ?? TABS[0];
  const category = get('category');
  // The first page of each tab (≤ 200): the counts on the tabs and the per-category tags.
  const heads = useQueries({
    queries: TABS.map((x) => ({ queryKey: ['/appeals', 'dispatch-counts', x.key, regionId], queryFn: () => api<PageOf<Appeal>>('/appeals', { query: { ...x.filters, regionId, limit: 200 } }), staleTime: 15_000 })),
  });
  const current = heads[TABS.indexOf(tab)]?.data?.items ?? [];
  const byCategory = new Map<string, { name: { zh: string; en: string }; n: number }>();
  for (const a of current) byCategory.set(a.category.code, { name: a.category.name, n: (byCategory.get(a.category.code)?.n ?? 0) + 1 });
  const count = (i: number) => {
    const d = heads[i]?.data;
    return d ? `${d.items.length}${d.nextCursor ? '+' : ''}` : '…';
  };

  return (
    <AppealsDesk title={t('分拨中心', 'Operations centre')} other={{ to: '/console/appeals', label: t('‹ 诉求工作台', '‹ Workbench'), testId: 'open-queue' }} testId="dispatch-page">
      <Tabs
        activeKey={tab.key}
        onChange={(k) => set({ tab: k === 'submitted' ? undefined : k, category: undefined })}
        items={TABS.map((x, i) => ({
          key: x.key,
          label: (
            <span data-testid={`tab-${x.key}`}>
              {t(x.zh, x.en)} <Badge count={count(i)} color={x.key === 'overdue' ? '#cf1322' : '#8c8c8c'} overflowCount={999} showZero />
            </span>
          ),
        }))}
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('按类别：', 'By category:')}</Typography.Text>
        {[...byCategory.entries()].sort((a, b) => b[1].n - a[1].n).map(([code, c]) => (
          <Tag.CheckableTag key={code} checked={category === code} onChange={(on) => set({ category: on ? code : undefined })} data-testid={`by-category-${code}`}>
            {t(c.name)} {c.n}
          </Tag.CheckableTag>
        ))}
        {byCategory.size === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        <CategorySelect placeholder={t('全部类别', 'All categories')} value={category} onChange={(v) => set({ category: v })} />
        <Typography.Text type="secondary">{t('按地点：在左侧区域树中选择', 'By place: pick a region on the left')}</Typography.Text>
      </Space>
      <AppealQueueTable key={tab.key} filters={{ ...tab.filters, regionId, categoryCode: category }} testId={`dispatch-${tab.key}`} showSuggestion={tab.key !== 'overdue'} />
    </AppealsDesk>
  );
}
