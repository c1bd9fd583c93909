import { useState, type ReactNode } from 'react';
import { Button, Card } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { QueryParams } from '../../../shared/api';
import { hasPermission, useMe } from '../../../shared/auth';
import { CursorTable } from './cursor-table';
import { ExportLink } from './export-link';
import { SearchBox, Toolbar } from './filter-bar';
import { useRegionScope, useScopedHref, useUrlState } from './scope';

type Get = (key: string) => string | undefined;

/**
 * The URL state of a registry list: the region scope, the search text (`?q=`) and the page's own filters,
 * read from the URL so a filtered list can be bookmarked; `filters` is what the list and its export send.
 */
export function useRegistryList(own?: (get: Get) => QueryParams) {
  const { get, set } = useUrlState();
  const [regionId] = useRegionScope();
  const href = useScopedHref();
  const filters: QueryParams = { regionId, q: get('q'), ...own?.(get) };
  return { get, set, href, regionId, filters };
}

/** A "new …" button shown only to accounts holding `permission`; `form` is the modal it opens. */
export interface RegistryCreate {
  permission: string;
  label: string;
  testId: string;
  form: (close: () => void) => ReactNode;
}

/**
 * A registry list (人员, 住户, 组织, 场所, 任职, 审计): the server-paged table with its toolbar — the search box,
 * the page's own filter controls, the Excel export of the same filtered list (`<path>/export.xlsx`) and the
 * create button — inside a card when it has a title. The page keeps only its columns, filters and forms.
 */
export function RegistryList<T extends { id: string }>({
  title,
  path,
  filters,
  columns,
  testId,
  search,
  filterControls,
  exportable = false,
  create,
  children,
}: {
  title?: string;
  path: string;
  filters: QueryParams;
  columns: TableProps<T>['columns'];
  testId: string;
  /** The search box's placeholder; no search box without it. */
  search?: string;
  filterControls?: ReactNode;
  exportable?: boolean;
  create?: RegistryCreate;
  /** Further modals the rows open (e.g. ending an assignment). */
  children?: ReactNode;
}) {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const list = (
    <>
      <CursorTable<T>
        path={path}
        filters={filters}
        columns={columns}
        testId={testId}
        toolbar={
          <Toolbar>
            {search !== undefined && <SearchBox placeholder={search} />}
            {filterControls}
            {exportable && <ExportLink path={`${path}/export.xlsx`} filters={filters} />}
            {create && hasPermission(me.data, create.permission) && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={create.testId}>
                {create.label}
              </Button>
            )}
          </Toolbar>
        }
      />
      {creating && create?.form(() => setCreating(false))}
      {children}
    </>
  );
  return title === undefined ? list : <Card title={title} size="small">{list}</Card>;
}
