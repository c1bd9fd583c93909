import { DatePicker, Form, Input, Select, Switch, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ORG_KINDS, ORG_KIND_LABELS, type Organisation } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { RegionPicker } from '../shared/pickers';
import { RegistryList, useRegistryList } from '../shared/registry-list';
import { CommandModal, compact } from '../shared/simple-form';

export default function OrganisationsPage() {
  const { t } = useI18n();
  const { get, set, href, regionId, filters } = useRegistryList((get) => ({ kind: get('kind'), includeDissolved: get('dissolved') === '1' ? true : undefined }));
  const columns = [
    { title: t('名称', 'Name'), dataIndex: 'name', width: 220, render: (v: string, o: Organisation) => <Link to={href(`/console/organisations/${o.id}`)}>{v}</Link> },
    { title: t('类型', 'Kind'), dataIndex: 'kindLabel', width: 150, render: (l: { zh: string; en: string }) => t(l) },
    { title: t('所属区域', 'Region'), dataIndex: 'regionName', width: 180 },
    { title: t('成员', 'Members'), dataIndex: 'memberCount', width: 70, align: 'right' as const },
    { title: t('成立日期', 'Founded'), dataIndex: 'foundedOn', width: 100 },
    { title: t('状态', 'Status'), dataIndex: 'dissolved', width: 80, render: (d: boolean) => (d ? <Tag>{t('已解散', 'Dissolved')}</Tag> : <Tag color="green">{t('活跃', 'Active')}</Tag>) },
  ];
  return (
    <RegistryList<Organisation>
      title={t('组织', 'Organisations')}
      path="/organisations"
      filters={filters}
      columns={columns}
      testId="organisations-table"
      search={t('组织名称', 'Organisation name')}
      exportable
      filterControls={
        <>
          <Select allowClear value={get('kind')} onChange={(v) => set({ kind: v })} placeholder={t('类型', 'Kind')} style={{ width: 180 }} aria-label={t('类型', 'Kind')} options={ORG_KINDS.map((k) => ({ value: k, label: t(ORG_KIND_LABELS[k]) }))} />
          <span>
            {t('含已解散', 'Include dissolved')} <Switch size="small" checked={get('dissolved') === '1'} onChange={(v) => set({ dissolved: v ? '1' : undefined })} />
          </span>
        </>
      }
      create={{
        permission: 'org.manage',
        label: t('新建组织', 'New organisation'),
        testId: 'org-create',
        form: (close) => (
          <CommandModal title={t('新建组织', 'New organisation')} path="/organisations" initialValues={{ regionId, kind: 'club' }} toBody={compact} invalidate={[['/organisations']]} onClose={close}>
            <OrganisationFields />
          </CommandModal>
        ),
      }}
    />
  );
}

export function OrganisationFields({ edit = false }: { edit?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {!edit && (
        <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(ORG_KIND_LABELS[k]) }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: !edit, message: t('请填写名称', 'Name is required') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="regionId" label={t('所属区域', 'Region')} rules={[{ required: !edit, message: t('请选择区域', 'Choose a region') }]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('成立日期', 'Founded on')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('简介', 'Description')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
