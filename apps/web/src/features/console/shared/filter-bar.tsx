import { useEffect, useState } from 'react';
import { Input, Select, Space } from 'antd';
import { ROLES, ROLE_LABELS, THREE_HEADS } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { useUrlState } from './scope';

/** Text search kept in the URL (`?q=`), sent to the server on Enter (Chinese IME friendly: no search per keystroke). */
export function SearchBox({ placeholder }: { placeholder?: string }) {
  const { t } = useI18n();
  const { get, set } = useUrlState();
  const q = get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => set({ q: v.trim() || undefined })}
      placeholder={placeholder ?? t('搜索', 'Search')}
      style={{ width: 240 }}
      aria-label={placeholder ?? t('搜索', 'Search')}
      data-testid="search"
    />
  );
}

/** The role filter kept in the URL (`?role=`), the three heads (楼长/巷长/街长) first. */
export function RoleFilter() {
  const { t } = useI18n();
  const { get, set } = useUrlState();
  return (
    <Select
      allowClear
      value={get('role')}
      onChange={(v) => set({ role: v })}
      placeholder={t('角色', 'Role')}
      style={{ width: 160 }}
      aria-label={t('角色', 'Role')}
      options={[...THREE_HEADS, ...ROLES.filter((r) => !THREE_HEADS.includes(r))].map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
    />
  );
}

export function Toolbar({ children }: { children: React.ReactNode }) {
  return (
    <Space wrap style={{ marginBottom: 8, width: '100%' }}>
      {children}
    </Space>
  );
}
