import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { consoleHref, splitListPath } from './dashboard-api';
import { describeItem } from './describe-item';

export interface DrillTarget {
  title: string;
  value: number;
  listPath: string;
}

interface AnyPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

export function FigureDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useInfiniteQuery({
    queryKey: ['drill', target?.listPath],
    enabled: !!target,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const { path, query } = splitListPath(target!.listPath);
      return api<AnyPage>(path, { query: { ...query, limit: 50, cursor: pageParam } });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={target ? `${target.title}（${target.value}）` : ''}
      extra={target && <Link to={consoleHref(target.listPath)} data-testid="drill-console">{t('在工作台中打开', 'Open in the console')}</Link>}
      data-testid="drill-drawer"
    >
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      <List
        loading={q.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('没有记录', 'No records')} /> }}
        renderItem={(item) => {
          const d = describeItem(item, t);
          return (
            <List.Item data-testid="drill-item">
              <List.Item.Meta
                title={d.title}
                description={
                  <Space size={4} wrap>
                    {d.tags.map((x) => (
                      <Tag key={x}>{x}</Tag>
                    ))}
                    {d.place && <Typography.Text type="secondary">{d.place}</Typography.Text>}
                    {d.extra.map((x) => (
                      <Typography.Text key={x} type="secondary">
                        {x}
                      </Typography.Text>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {q.hasNextPage && (
        <Button block onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="drill-more">
          {t('加载更多', 'Load more')}
        </Button>
      )}
      {!q.isPending && !q.hasNextPage && items.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t(`已显示全部 ${items.length} 条`, `All ${items.length} shown`)}
        </Typography.Paragraph>
      )}
    </Drawer>
  );
}
