import { useEffect, useMemo, useState } from 'react';
import { Button, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { errorPage } from '../../../shared/guards';

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list that pages on the server with keyset cursors: only one page (≤ 200 rows) is ever in the
 * browser, so a 10k-row registry scrolls as fast as a 10-row one. Previous pages are a stack of cursors;
 * changing a filter starts again from the first page.
 */
export function useCursorList<T>(path: string, filters: QueryParams, pageSize: number) {
  const filterKey = JSON.stringify(filters);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  useEffect(() => setCursors([undefined]), [filterKey, pageSize]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [path, filters, pageSize, cursor],
    queryFn: ({ signal }) => api<PageOf<T>>(path, { query: { ...filters, limit: pageSize, cursor }, signal }),
    placeholderData: keepPreviousData,
  });
  return {
    query,
    pageNo: cursors.length,
    hasPrev: cursors.length > 1,
    hasNext: !!query.data?.nextCursor,
    next: () => query.data?.nextCursor && setCursors((c) => [...c, query.data!.nextCursor!]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    first: () => setCursors([undefined]),
  };
}

export function CursorTable<T extends { id: string }>({
  path,
  filters,
  columns,
  toolbar,
  testId,
  ...rest
}: {
  path: string;
  filters: QueryParams;
  columns: TableProps<T>['columns'];
  toolbar?: React.ReactNode;
  testId?: string;
} & Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination'>) {
  const { t } = useI18n();
  const [pageSize, setPageSize] = useState(50);
  const list = useCursorList<T>(path, filters, pageSize);
  const items = useMemo(() => list.query.data?.items ?? [], [list.query.data]);
  const page = errorPage(list.query.error);
  if (page) return <>{page}</>;
  return (
    <div data-testid={testId}>
      {toolbar}
      {list.query.error && <Typography.Text type="danger">{(list.query.error as Error).message}</Typography.Text>}
      <Table<T>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={list.query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content', y: 'calc(100vh - 290px)' }}
        virtual={false}
        {...rest}
      />
      <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }} wrap>
        <Typography.Text type="secondary">
          {t(`第 ${list.pageNo} 页，本页 ${items.length} 条`, `Page ${list.pageNo}, ${items.length} rows`)}
        </Typography.Text>
        <Button size="small" onClick={list.first} disabled={!list.hasPrev}>{t('首页', 'First')}</Button>
        <Button size="small" onClick={list.prev} disabled={!list.hasPrev} data-testid="page-prev">{t('上一页', 'Previous')}</Button>
        <Button size="small" onClick={list.next} disabled={!list.hasNext} data-testid="page-next">{t('下一页', 'Next')}</Button>
        <Select
          size="small"
          value={pageSize}
          onChange={setPageSize}
          aria-label={t('每页条数', 'Rows per page')}
          options={[20, 50, 100, 200].map((n) => ({ value: n, label: t(`${n} 条/页`, `${n} / page`) }))}
        />
      </Space>
    </div>
  );
}
