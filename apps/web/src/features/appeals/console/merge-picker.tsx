import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { Appeal, PageOf } from '../appeals-api';

/** Open appeals of the same category in the same area: the one to keep when merging a duplicate. */
export function MergeSurvivorPicker({ appeal, value, onChange }: { appeal: Appeal; value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['appeals', 'merge-candidates', appeal.id],
    queryFn: () => api<PageOf<Appeal>>('/appeals', { query: { view: 'area', regionId: appeal.place.regionId, categoryCode: appeal.category.code, limit: 50 } }),
  });
  const options = (q.data?.items ?? []).filter((a) => a.id !== appeal.id).map((a) => ({ value: a.id, label: `${a.trackingCode} · ${a.description.slice(0, 40)}` }));
  return <Select value={value} onChange={onChange} loading={q.isPending} options={options} placeholder={t('选择保留的诉求', 'Choose the appeal to keep')} notFoundContent={t('同一地点没有同类的未办结诉求', 'No open appeal of this category here')} />;
}
