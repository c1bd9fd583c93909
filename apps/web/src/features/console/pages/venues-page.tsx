import { Form, Input, Select, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { VENUE_KINDS, VENUE_KIND_LABELS, type Venue } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { RegionPicker } from '../shared/pickers';
import { RegistryList, useRegistryList } from '../shared/registry-list';
import { CommandModal, compact } from '../shared/simple-form';

export default function VenuesPage() {
  const { t } = useI18n();
  const { get, set, href, regionId, filters } = useRegistryList((get) => ({ kind: get('kind') }));
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
    <RegistryList<Venue>
      title={t('场所（阵地）', 'Venues')}
      path="/venues"
      filters={filters}
      columns={columns}
      testId="venues-table"
      search={t('场所名称', 'Venue name')}
      exportable
      filterControls={
        <Select allowClear value={get('kind')} onChange={(v) => set({ kind: v })} placeholder={t('类型', 'Kind')} style={{ width: 170 }} aria-label={t('类型', 'Kind')} options={VENUE_KINDS.map((k) => ({ value: k, label: t(VENUE_KIND_LABELS[k]) }))} />
      }
      create={{
        permission: 'venue.manage',
        label: t('新建场所', 'New venue'),
        testId: 'venue-create',
        form: (close) => (
          <CommandModal title={t('新建场所', 'New venue')} path="/venues" initialValues={{ regionId, kind: 'acquaintance_station' }} toBody={compact} invalidate={[['/venues']]} onClose={close}>
            <VenueFields />
          </CommandModal>
        ),
      }}
    />
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
