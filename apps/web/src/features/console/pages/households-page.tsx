import { Form, Input, InputNumber } from 'antd';
import { Link } from 'react-router-dom';
import type { Household } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { RegionPicker } from '../shared/pickers';
import { RegistryList, useRegistryList } from '../shared/registry-list';
import { CommandModal, compact } from '../shared/simple-form';

export default function HouseholdsPage() {
  const { t } = useI18n();
  const { href, regionId, filters } = useRegistryList();
  const columns = [
    { title: t('房号', 'Room'), dataIndex: 'room', width: 100, render: (v: string, h: Household) => <Link to={href(`/console/households/${h.id}`)}>{v}</Link> },
    { title: t('地址', 'Address'), dataIndex: 'address', width: 280 },
    { title: t('楼栋/街巷', 'Building/lane'), dataIndex: 'regionName', width: 160 },
    { title: t('专有面积（㎡）', 'Floor area (m²)'), dataIndex: 'floorArea', width: 110, align: 'right' as const, render: (a: number | null) => (a === null ? '—' : a.toFixed(2)) },
    { title: t('人数', 'People'), dataIndex: 'memberCount', width: 70, align: 'right' as const },
  ];
  return (
    <RegistryList<Household>
      title={t('住户', 'Households')}
      path="/households"
      filters={filters}
      columns={columns}
      testId="households-table"
      search={t('地址或房号', 'Address or room')}
      exportable
      create={{
        permission: 'household.manage',
        label: t('登记住户', 'Register a household'),
        testId: 'household-create',
        form: (close) => (
          <CommandModal title={t('登记住户', 'Register a household')} path="/households" initialValues={{ regionId }} toBody={compact} invalidate={[['/households']]} onClose={close}>
            <HouseholdFields />
          </CommandModal>
        ),
      }}
    />
  );
}

export function HouseholdFields({ edit = false }: { edit?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {!edit && (
        <Form.Item name="regionId" label={t('楼栋或街巷（三级网格）', 'Building or lane (level-3 grid)')} rules={[{ required: true, message: t('请选择楼栋或街巷', 'Choose a building or lane') }]}>
          <RegionPicker level="grid3" />
        </Form.Item>
      )}
      <Form.Item name="room" label={t('房号', 'Room')} rules={[{ required: !edit, message: t('请填写房号', 'Room is required') }, { max: 40 }]}>
        <Input placeholder="3-502" />
      </Form.Item>
      <Form.Item name="address" label={t('地址', 'Address')} rules={[{ required: !edit, message: t('请填写地址', 'Address is required') }, { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="floorArea" label={t('专有部分面积（㎡）', 'Exclusive floor area (m²)')} rules={[{ type: 'number', min: 0, max: 99999999.99 }]}>
        <InputNumber style={{ width: '100%' }} precision={2} />
      </Form.Item>
    </>
  );
}
