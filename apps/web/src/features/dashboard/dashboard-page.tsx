import { lazy, Suspense, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { RegionLevel } from '@shuren/core';
import { isApiError } from '../../shared/api';
import { formatDateTime, useI18n } from '../../shared/i18n';
import { LangSwitch } from '../../shared/lang-switch';
import { NoAccess, NotFound } from '../../shared/no-access';
import { useAncestors, useChildren, useGrandchildren, useRegion, useStats, type StatFigure } from './dashboard-api';
import { FigureDrawer, type DrillTarget } from './figure-drawer';
import { AppealsPanel } from '../appeals/dashboard/appeals-panel';

// ECharts arrives after the figures: the numbers are readable while the charts chunk loads.
const BreakdownPanel = lazy(() => import('./charts').then((m) => ({ default: m.BreakdownPanel })));
const GridTreePanel = lazy(() => import('./charts').then((m) => ({ default: m.GridTreePanel })));

const LEVEL_LABEL: Record<RegionLevel, { zh: string; en: string }> = {
  subdistrict: { zh: '街道', en: 'subdistrict' },
  community: { zh: '社区', en: 'community' },
  grid2: { zh: '二级网格', en: 'level-2 grid' },
  grid3: { zh: '三级网格', en: 'level-3 grid' },
};
const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = { subdistrict: 'community', community: 'grid2', grid2: 'grid3', grid3: null };

const chartFallback = <Skeleton active paragraph={{ rows: 6 }} />;

/**
 * The live dashboard of one region node (`/dashboard/:regionId`). Panels follow the figures the stats API
 * returns: a module that adds figures (appeals, mediation…) gets its cards and charts without a change here.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { regionId } = useParams();
  const navigate = useNavigate();
  const region = useRegion(regionId);
  const stats = useStats(region.data ? regionId : undefined);
  const children = useChildren(region.data ? regionId : undefined);
  const grandchildren = useGrandchildren(region.data);
  const ancestors = useAncestors(region.data);
  const figures = stats.data?.figures ?? [];
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  if (region.isError) {
    if (isApiError(region.error, 403)) return <NoAccess />;
    if (isApiError(region.error, 404) || isApiError(region.error, 400)) return <NotFound />;
  }
  if (stats.isError && isApiError(stats.error, 403)) return <NoAccess />;

  const open = (id: string) => navigate(`/dashboard/${id}`);
  const childLevel = region.data ? CHILD_LEVEL[region.data.level] : null;
  const breakdowns = figures.filter((f) => (f.breakdown?.length ?? 0) > 0);
  const drillFigure = (f: StatFigure) => f.listPath && setDrill({ title: t(f), value: f.value, listPath: f.listPath });

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header style={{ background: '#fff', borderBottom: '1px solid #eee', padding: '12px 24px' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Breadcrumb
              items={[
                { title: <Link to="/console">{t('工作台', 'Console')}</Link> },
                ...ancestors.filter((a) => a.data).map((a) => ({ title: <Link to={`/dashboard/${a.data!.id}`}>{a.data!.name}</Link> })),
                { title: region.data?.name ?? '…' },
              ]}
            />
            <Typography.Title level={2} style={{ margin: '4px 0 0', fontSize: 22 }} data-testid="dashboard-title">
              {t('数据看板', 'Dashboard')} · {region.data?.name ?? ''}
              {region.data && (
                <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }}>
                  {t(LEVEL_LABEL[region.data.level])}
                </Typography.Text>
              )}
            </Typography.Title>
          </div>
          <Space wrap>
            {childLevel && (children.data?.length ?? 0) > 0 && (
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t(`进入某个${t(LEVEL_LABEL[childLevel])}`, `Open a ${t(LEVEL_LABEL[childLevel])}`)}
                style={{ minWidth: 220 }}
                onChange={open}
                options={children.data!.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="child-select"
              />
            )}
            <Button onClick={() => stats.refetch()} loading={stats.isFetching}>
              {t('刷新', 'Refresh')}
            </Button>
            <LangSwitch />
          </Space>
        </Space>
        {stats.dataUpdatedAt > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('实时统计自登记记录，更新于', 'Counted live from the records at')} {formatDateTime(new Date(stats.dataUpdatedAt).toISOString())}
          </Typography.Text>
        )}
      </header>

      <main style={{ padding: 24 }}>
        {stats.isError && <Alert type="error" showIcon title={(stats.error as Error).message} style={{ marginBottom: 16 }} />}
        {(region.isPending || stats.isPending) && !stats.isError && <Skeleton active />}
        {stats.data && figures.length === 0 && <Empty description={t('暂无统计', 'No figures yet')} />}

        <Row gutter={[16, 16]} data-testid="figures">
          {figures.map((f) => (
            <Col key={f.key} xs={12} sm={8} md={6} xl={4}>
              <Card
                hoverable={!!f.listPath}
                size="small"
                onClick={() => drillFigure(f)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && drillFigure(f)}
                tabIndex={f.listPath ? 0 : undefined}
                role={f.listPath ? 'button' : undefined}
                aria-label={f.listPath ? t(`${t(f)} ${f.value}，查看明细`, `${t(f)} ${f.value}, show records`) : undefined}
                data-testid={`figure-${f.key}`}
              >
                <Statistic title={t(f)} value={f.value} />
              </Card>
            </Col>
          ))}
        </Row>
        <AppealsPanel figures={figures} regionId={regionId} />

        {figures.length > 0 && (
          <Suspense fallback={chartFallback}>
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              {childLevel && (
                // 45 communities with 305 grids need the full width to stay legible.
                <Col xs={24} xl={(children.data?.length ?? 0) > 12 ? 24 : 12}>
                  <GridTreePanel children={children.data ?? []} grandchildren={grandchildren.data ?? []} loading={children.isPending || grandchildren.isFetching} onOpen={open} />
                </Col>
              )}
              {breakdowns.map((f) => (
                <Col key={f.key} xs={24} lg={12} xl={(f.breakdown?.length ?? 0) > 8 ? 12 : 8}>
                  <BreakdownPanel figure={f} onDrill={setDrill} onOpen={navigate} />
                </Col>
              ))}
            </Row>
          </Suspense>
        )}
      </main>
      <FigureDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
