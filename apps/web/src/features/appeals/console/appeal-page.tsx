import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Image, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { APPEAL_LEVEL_LABELS, SATISFACTION_LABELS, type AppealLevel, type Satisfaction } from '@shuren/core';
import { errorPage } from '../../../shared/guards';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { useScopedHref } from '../../console/shared/scope';
import { useAppealDetail, useCategories, type TimelineEvent } from '../appeals-api';
import { eventLabel, SOURCE_LABELS } from '../appeal-labels';
import { photoFull, photoThumb } from '../photos';
import { ActionModal, COMMAND_LABELS, DANGER, staffActions } from './action-modal';
import { SlaCell, StatusTag, unitText } from './appeal-cells';
import { useNow } from './sla';

/** One appeal for staff: the facts, the clock, every allowed action, and the full timeline with internal notes. */
export default function AppealPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const href = useScopedHref();
  const now = useNow();
  const q = useAppealDetail(id);
  const categories = useCategories();
  const [command, setCommand] = useState<string | null>(null);
  const page = errorPage(q.error);
  if (page) return <>{page}</>;
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" title={(q.error as Error).message} />;
  const a = q.data;
  const category = categories.data?.find((c) => c.code === a.category.code);
  const actions = staffActions(a);
  const reporter = [a.reporter.name, a.reporter.onBehalfOfName && t(`代 ${a.reporter.onBehalfOfName} 反映`, `for ${a.reporter.onBehalfOfName}`), a.reporter.callerName && `${a.reporter.callerName} ${a.reporter.callerPhone ?? ''}`].filter(Boolean).join(' · ');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Link to={href('/console/appeals')}>{t('‹ 诉求工作台', '‹ Workbench')}</Link>
            <Typography.Text code data-testid="appeal-code">{a.trackingCode}</Typography.Text>
            <span>{t(a.category.name)}</span>
            <StatusTag a={a} />
          </Space>
        }
        extra={<SlaCell a={a} now={now} />}
        data-testid="appeal-detail"
      >
        <Space wrap style={{ marginBottom: 12 }} data-testid="appeal-actions">
          {actions.length === 0 && <Typography.Text type="secondary">{t('您当前无需处理此诉求', 'Nothing for you to do now')}</Typography.Text>}
          {actions.map((c, i) => (
            <Button key={c} type={i === 0 ? 'primary' : 'default'} danger={DANGER.has(c)} onClick={() => setCommand(c)} data-testid={`action-${c}`}>
              {t(COMMAND_LABELS[c])}
            </Button>
          ))}
        </Space>
        {a.mediation.offered && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            showIcon
            data-testid="appeal-mediation-hint"
            title={a.mediation.accepted ? t('调解：居民同意先调解', 'Mediation: the resident agreed to mediation first') : t('调解：此类矛盾可先调解', 'Mediation: disputes like this can be mediated first')}
            description={t(
              '请人民调解员或楼长上门，分别听取双方意见，促成和解；调解不成的如实记录并上报社区人民调解委员会。办结时写明双方约定。',
              'Ask a people’s mediator or the building head to visit, hear each side and help them settle; if it fails, record it and escalate to the community mediation committee. When handling, write down what both sides agreed.',
            )}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('内容', 'Description')} span={3}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.description}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('地点', 'Place')}>
            {[a.place.regionName, a.place.locationText].filter(Boolean).join(' · ')}
            {a.place.point && (
              <>
                {' · '}
                <a href={`https://uri.amap.com/marker?position=${a.place.point.lng},${a.place.point.lat}&coordinate=wgs84`} target="_blank" rel="noreferrer" data-testid="appeal-point">
                  📍 {a.place.point.lat.toFixed(5)}, {a.place.point.lng.toFixed(5)}
                </a>
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('承办单位', 'Unit')}>{unitText(a.unit, t)}</Descriptions.Item>
          <Descriptions.Item label={t('反映人', 'Reported by')}>{reporter || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('来源', 'Source')}>{t(SOURCE_LABELS[a.source] ?? { zh: a.source, en: a.source })}</Descriptions.Item>
          <Descriptions.Item label={t('提交时间', 'Submitted')}>{formatDateTime(a.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('响应时限', 'Response due')}>{formatDateTime(a.responseDueAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('办结时限', 'Resolution due')}>{formatDateTime(a.resolutionDueAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('返工 / 上报', 'Rework / escalations')}>{a.reworkCount} / {a.escalationCount}</Descriptions.Item>
          <Descriptions.Item label={t('关注人数', 'Followers')}>{a.followerCount}</Descriptions.Item>
          {a.mediation.offered && (
            <Descriptions.Item label={t('调解', 'Mediation')}>
              <span data-testid="appeal-mediation">{a.mediation.accepted === true ? t('居民同意调解', 'Resident agreed') : a.mediation.accepted === false ? t('居民不需要调解', 'Resident declined') : t('未询问', 'Not asked')}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('满意度', 'Satisfaction')}>{a.satisfaction ? t(SATISFACTION_LABELS[a.satisfaction as Satisfaction]) : '—'}</Descriptions.Item>
          {Object.entries(a.answers).map(([k, v]) => (
            <Descriptions.Item key={k} label={category ? t(category.questions.find((x) => x.key === k)?.label ?? { zh: k, en: k }) : k}>
              {typeof v === 'boolean' ? (v ? t('是', 'Yes') : t('否', 'No')) : String(category?.questions.find((x) => x.key === k)?.choices?.find((c) => c.key === v)?.[t('zh', 'en') as 'zh' | 'en'] ?? v)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('照片', 'Photos')}>
            <Photos ids={a.photoRefs} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('办理经过（含内部备注）', 'Timeline (with internal notes)')} data-testid="appeal-timeline">
        <Timeline items={a.timeline.map((e) => ({ color: e.type === 'rework' || e.type === 'escalated' ? 'red' : e.type === 'closed' ? 'green' : 'blue', content: <EventItem e={e} /> }))} />
      </Card>
      {command && <ActionModal appeal={a} command={command} category={category} onClose={() => setCommand(null)} />}
    </Space>
  );
}

function EventItem({ e }: { e: TimelineEvent }) {
  const { t } = useI18n();
  const d = e.data as { reason?: string; to?: { level: AppealLevel; department?: string | null }; satisfaction?: Satisfaction; days?: number; automatic?: string | null };
  return (
    <div data-testid={`event-${e.type}`}>
      <Space wrap size={6}>
        <Typography.Text strong>{t(eventLabel(e.type))}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
        <Tag>{t(APPEAL_LEVEL_LABELS[e.level])}</Tag>
        <Typography.Text>{[e.actor.name, t(e.actor.roleName)].filter(Boolean).join(' · ')}</Typography.Text>
        {d.to && <Typography.Text>→ {t(APPEAL_LEVEL_LABELS[d.to.level])}</Typography.Text>}
        {d.automatic && <Tag color="red">{t('超时自动上报', 'Automatic (clock ran out)')}</Tag>}
        {d.satisfaction && <Tag color="green">{t(SATISFACTION_LABELS[d.satisfaction])}</Tag>}
        {d.days && <Tag>{t(`${d.days} 个工作日`, `${d.days} working days`)}</Tag>}
      </Space>
      {d.reason && <div>{t('原因：', 'Reason: ')}{d.reason}</div>}
      {e.publicNote && <div>{e.publicNote}</div>}
      {e.photoRefs.length > 0 && <Photos ids={e.photoRefs} />}
      {e.internalNote && (
        <div>
          <Tag color="orange">{t('内部', 'Internal')}</Tag>
          {e.internalNote}
        </div>
      )}
    </div>
  );
}

function Photos({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  if (!ids.length) return <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id) => (
          <Image key={id} src={photoThumb(id)} preview={{ src: photoFull(id) }} width={64} height={64} style={{ objectFit: 'cover' }} alt="" data-testid="staff-photo" />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
