import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { CLOSES_PATTERN, OPENS_PATTERN, type OpeningHoursEntry, type VenueDetail, type VenueRoom } from '@shuren/core';
import { api } from '../../../shared/api';
import { errorPage } from '../../../shared/guards';
import { useI18n } from '../../../shared/i18n';
import { can } from '../shared/actions';
import { AuditButton } from '../shared/audit-history';
import { CommandModal, compact } from '../shared/simple-form';
import { VenueFields } from './venues-page';

const WEEKDAYS = [
  { zh: '周一', en: 'Mon' },
  { zh: '周二', en: 'Tue' },
  { zh: '周三', en: 'Wed' },
  { zh: '周四', en: 'Thu' },
  { zh: '周五', en: 'Fri' },
  { zh: '周六', en: 'Sat' },
  { zh: '周日', en: 'Sun' },
];

export default function VenuePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const venue = useQuery({ queryKey: ['venue', id], queryFn: () => api<VenueDetail>(`/venues/${id}`) });
  const [dialog, setDialog] = useState<null | 'edit' | 'hours' | 'room' | { room: VenueRoom }>(null);
  const page = errorPage(venue.error);
  if (page) return <>{page}</>;
  const v = venue.data;
  if (!v) return <Card loading />;
  const keys = [['venue', id], ['/venues']];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={<span data-testid="venue-name">{v.name}</span>}
        extra={
          <Space>
            {can(v, 'update') && <Button size="small" onClick={() => setDialog('edit')}>{t('编辑', 'Edit')}</Button>}
            {can(v, 'setOpeningHours') && <Button size="small" onClick={() => setDialog('hours')}>{t('开放时间', 'Opening hours')}</Button>}
            <AuditButton entityType="venue" entityId={v.id} />
          </Space>
        }
      >
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('类型', 'Kind')}>{t(v.kindLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('所属区域', 'Region')}>{v.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('现在', 'Now')}>{v.openNow ? <Tag color="green">{t('开放中', 'Open')}</Tag> : <Tag>{t('已关闭', 'Closed')}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t('地址', 'Address')}>{v.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('电话', 'Phone')}>{v.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('开放时间', 'Opening hours')}>
            {v.openingHours.length ? v.openingHours.map((h, i) => <div key={i}>{t(WEEKDAYS[h.weekday - 1])} {h.opens}–{h.closes}</div>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('功能室', 'Rooms')} extra={can(v, 'addRoom') && <Button size="small" type="primary" onClick={() => setDialog('room')} data-testid="venue-add-room">{t('添加功能室', 'Add room')}</Button>}>
        <Table<VenueRoom>
          rowKey="id"
          size="small"
          dataSource={v.rooms}
          pagination={false}
          columns={[
            { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('容纳人数', 'Capacity'), dataIndex: 'capacity', render: (c: number | null) => c ?? '—' },
            { title: t('说明', 'Description'), dataIndex: 'description' },
            { title: t('操作', 'Actions'), key: 'a', render: (_: unknown, r) => can(r, 'update') && <Button size="small" type="link" onClick={() => setDialog({ room: r })}>{t('编辑', 'Edit')}</Button> },
          ]}
        />
      </Card>
      {dialog === 'edit' && (
        <CommandModal title={t('编辑场所', 'Edit venue')} path={`/venues/${v.id}`} method="PATCH" initialValues={{ kind: v.kind, name: v.name, regionId: v.regionId, address: v.address ?? undefined, phone: v.phone ?? undefined }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <VenueFields edit />
        </CommandModal>
      )}
      {dialog === 'hours' && (
        <CommandModal<{ hours: OpeningHoursEntry[] }> title={t('开放时间', 'Opening hours')} path={`/venues/${v.id}/opening-hours`} method="PUT" initialValues={{ hours: v.openingHours }} toBody={(x) => ({ hours: x.hours ?? [] })} invalidate={keys} onClose={() => setDialog(null)}>
          <Form.List name="hours">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'weekday']} rules={[{ required: true }]}>
                      <Select style={{ width: 90 }} options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: t(w) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'opens']} rules={[{ required: true, pattern: new RegExp(OPENS_PATTERN), message: 'HH:MM' }]}>
                      <Input style={{ width: 80 }} placeholder="09:00" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'closes']} rules={[{ required: true, pattern: new RegExp(CLOSES_PATTERN), message: 'HH:MM' }]}>
                      <Input style={{ width: 80 }} placeholder="17:30" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('删除', 'Remove')} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ weekday: 1, opens: '09:00', closes: '17:30' })} icon={<PlusOutlined />} block>
                  {t('添加时段', 'Add a period')}
                </Button>
              </>
            )}
          </Form.List>
        </CommandModal>
      )}
      {(dialog === 'room' || (dialog && typeof dialog === 'object')) && (
        <CommandModal
          title={typeof dialog === 'object' ? t('编辑功能室', 'Edit room') : t('添加功能室', 'Add room')}
          path={typeof dialog === 'object' ? `/venues/${v.id}/rooms/${dialog.room.id}` : `/venues/${v.id}/rooms`}
          method={typeof dialog === 'object' ? 'PATCH' : 'POST'}
          initialValues={typeof dialog === 'object' ? { name: dialog.room.name, capacity: dialog.room.capacity ?? undefined, description: dialog.room.description ?? undefined } : {}}
          toBody={compact}
          invalidate={keys}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Name is required') }, { max: 100 }]}><Input /></Form.Item>
          <Form.Item name="capacity" label={t('容纳人数', 'Capacity')} rules={[{ type: 'number', min: 1, max: 100000 }]}><InputNumber style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="description" label={t('说明', 'Description')} rules={[{ max: 2000 }]}><Input.TextArea /></Form.Item>
        </CommandModal>
      )}
    </Space>
  );
}
