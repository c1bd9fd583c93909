import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Person, Region } from '@shuren/core';
import { REGION_KIND_LABELS } from '@shuren/core';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';

/** Pick a region node by typing its name or code (the API searches the caller's scope). */
export function RegionPicker({ value, onChange, level, placeholder, id }: { value?: string; onChange?: (v: string) => void; level?: string; placeholder?: string; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['region-pick', q, level],
    queryFn: () => api<{ items: Region[] }>('/regions', { query: { q: q || undefined, level, limit: 50 } }),
  });
  const current = useQuery({ queryKey: ['region', value], queryFn: () => api<Region>(`/regions/${value}`), enabled: !!value });
  const options = [...(current.data ? [current.data] : []), ...(list.data?.items ?? []).filter((r) => r.id !== value)].map((r) => ({
    value: r.id,
    label: `${r.name}（${t(REGION_KIND_LABELS[r.kind as keyof typeof REGION_KIND_LABELS] ?? { zh: r.kind, en: r.kind })} ${r.code}）`,
  }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={placeholder ?? t('输入名称或编码搜索', 'Type a name or code')}
      options={options}
      loading={list.isFetching}
      style={{ width: '100%' }}
    />
  );
}

/** Pick a person by name (server search). */
export function PersonPicker({ value, onChange, regionId, id }: { value?: string; onChange?: (v: string) => void; regionId?: string; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['person-pick', q, regionId],
    queryFn: () => api<{ items: Person[] }>('/people', { query: { q: q || undefined, regionId, limit: 30 } }),
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('输入姓名搜索', 'Type a name')}
      options={(list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.phone ? ` · ${p.phone}` : ''}` }))}
      loading={list.isFetching}
      style={{ width: '100%' }}
    />
  );
}
