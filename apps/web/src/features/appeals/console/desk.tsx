import type { ReactNode } from 'react';
import { Card, Select, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { useRegionScope, useScopedHref, useUrlState } from '../../console/shared/scope';
import { useCategories } from '../appeals-api';
import { NoticesButton } from './notices-button';

/** What the appeals desks read from the URL: the region scope (the tree on the left) and their filters. */
export function useDeskState() {
  const [regionId] = useRegionScope();
  const { get, set } = useUrlState();
  return { regionId, get, set };
}

/**
 * The frame of the two appeals desks (诉求工作台 and 分拨中心): a card with the staff inbox (通知) and
 * a link across to the other desk, keeping the region scope.
 */
export function AppealsDesk({ title, other, testId, children }: { title: string; other: { to: string; label: string; testId: string }; testId?: string; children: ReactNode }) {
  const href = useScopedHref();
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Space size={16}>
          <NoticesButton />
          <Link to={href(other.to)} data-testid={other.testId}>
            {other.label}
          </Link>
        </Space>
      }
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** The category filter of both desks: top-level categories and, indented, their subcategories. */
export function CategorySelect({ value, onChange, placeholder, testId }: { value: string | undefined; onChange: (code: string | undefined) => void; placeholder: string; testId?: string }) {
  const { t } = useI18n();
  const categories = useCategories();
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      size="small"
      style={{ width: 170 }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.parentCode ? `— ${t(c.name)}` : t(c.name) }))}
      aria-label={t('类别', 'Category')}
      data-testid={testId}
    />
  );
}
