import { useState } from 'react';
import { Button, Card, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { VENUE_KINDS, VENUE_KIND_LABELS, type Venue } from '@shuren/core';
import { hasPermission, useMe } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { CursorTable } from '../shared/cursor-table';
import { ExportLink } from '../shared/export-link';
import { SearchBox, Toolbar } from '../shared/filter-bar';
import { RegionPicker } from '../shared/pickers';
import { useRegionScope, useScopedHref, useUrlState } from '../shared/scope';
import { CommandModal, compact } from '../shared/simple-form';

export default function VenuesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [regionId] = useRegionScope();
  const { get, set } = useUrlState();
  const href = useScopedHref();
  const [creating, setCreating] = useState(false);
  const filters = { regionId, q: get('q'), kind: get('kind') };
  const columns = [
    { title: t('名称', 'Name'), dataIndex: 'name', width: 220, render: (v: string, x: Venue) => <Link to={href(`/console/venues/${x.id}`)}>{v}</Link> },
    { title: t('类型', 'Kind'), dataIndex: 'kindLabel', width: 140, render: (l: { zh: string; en: string }) => t(l) },
    { title: t('所属区域', 'Region'), dataIndex: 'regionName', width: 170 },
    { title: t('地址', 'Address'), dataIndex: 'address', width: 220 },
    { title: t('电话', 'Phone'), dataIndex: 'phone', width: 120 },
    { title: t('功能室', 'Rooms'), dataIndex: 'roomCount', width: 70, align: 'right' as const },
    { title: t('现在', 'Now'), dataIndex: 'openNow', width: 80, render: (o: boolean) => (o ? <Tag color="green">{t('开放中', 'Open')}</Tag> : <Tag>{t('已关闭', 'Closed')}</Tag>) },
  ];
  return (
    <Card title={t('场所（阵地）', 'Venues')} size="small">
      <CursorTable<Venue>
        path="/venues"
        filters={filters}
        columns={columns}
        testId="venues-table"
        toolbar={
          <Toolbar>
            <SearchBox placeholder={t('场所名称', 'Venue name')} />
            <Select allowClear value={get('kind')} onChange={(v) => set({ kind: v })} placeholder={t('类型', 'Kind')} style={{ width: 170 }} aria-label={t('类型', 'Kind')} options={VENUE_KINDS.map((k) => ({ value: k, label: t(VENUE_KIND_LABELS[k]) }))} />
            <ExportLink path="/venues/export.xlsx" filters={filters} />
            {hasPermission(me.data, 'venue.manage') && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="venue-create">
                {t('新建场所', 'New venue')}
              </Button>
            )}
          </Toolbar>
        }
      />
      {creating && (
        <CommandModal title={t('新建场所', 'New venue')} path="/venues" initialValues={{ regionId, kind: 'acquaintance_station' }} toBody={compact} invalidate={[['/venues']]} onClose={() => setCreating(false)}>
          <VenueFields />
        </CommandModal>
      )}
    </Card>
  );
}

export function VenueFields({ edit = false }: { edit?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: !edit }]}>
        <Select options={VENUE_KINDS.map((k) => ({ value: k, label: t(VENUE_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: !edit, message: t('请填写名称', 'Name is required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="regionId" label={t('所属区域', 'Region')} rules={[{ required: !edit, message: t('请选择区域', 'Choose a region') }]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="address" label={t('地址', 'Address')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('联系电话', 'Phone')} rules={[{ pattern: /^[0-9+() -]{3,30}$/, message: t('电话只能包含数字、空格和 +()-', 'Digits, spaces and +()- only') }]}>
        <Input />
      </Form.Item>
    </>
  );
}
