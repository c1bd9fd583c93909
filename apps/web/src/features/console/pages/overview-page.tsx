import { Card, Descriptions, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { REGION_LEVEL_LABELS, type Region } from '@shuren/core';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useRegionScope } from '../shared/scope';

/** Landing page of the console: what the current scope is. */
export default function OverviewPage() {
  const { t } = useI18n();
  const [regionId] = useRegionScope();
  const region = useQuery({ queryKey: ['region', regionId], queryFn: () => api<Region>(`/regions/${regionId}`), enabled: !!regionId });
  return (
    <Card title={t('概览', 'Overview')}>
      {region.data ? (
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('当前范围', 'Scope')}>{region.data.name}</Descriptions.Item>
          <Descriptions.Item label={t('层级', 'Level')}>{t(REGION_LEVEL_LABELS[region.data.level])}</Descriptions.Item>
          <Descriptions.Item label={t('编码', 'Code')}>{region.data.code}</Descriptions.Item>
          <Descriptions.Item label={t('下级数量', 'Children')}>{region.data.childCount ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph>{t('在左侧选择区域，所有页面都按该区域筛选。', 'Pick a region on the left; every page is scoped to it.')}</Typography.Paragraph>
      )}
    </Card>
  );
}
