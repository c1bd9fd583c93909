import { Form, Input, InputNumber, Modal, Select, Switch, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { CN_MOBILE_PATTERN, type Person } from '@shuren/core';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { FormError, useApiSubmit } from '../shared/form-submit';
import { RoleFilter } from '../shared/filter-bar';
import { RegionPicker } from '../shared/pickers';
import { RegistryList, useRegistryList } from '../shared/registry-list';

export const GENDER_LABELS = { female: { zh: '女', en: 'Female' }, male: { zh: '男', en: 'Male' }, unspecified: { zh: '未填', en: 'Unspecified' } } as const;

export default function PeoplePage() {
  const { t } = useI18n();
  const { get, set, href, regionId, filters } = useRegistryList((get) => ({ role: get('role'), partyMember: get('party') }));

  const columns = [
    { title: t('姓名', 'Name'), dataIndex: 'name', width: 140, render: (v: string, p: Person) => <Link to={href(`/console/people/${p.id}`)}>{v}</Link> },
    { title: t('性别', 'Gender'), dataIndex: 'gender', width: 60, render: (g: keyof typeof GENDER_LABELS) => t(GENDER_LABELS[g]) },
    { title: t('出生年', 'Born'), dataIndex: 'birthYear', width: 70 },
    { title: t('手机号', 'Mobile'), dataIndex: 'phone', width: 130 },
    { title: t('身份证号', 'ID number'), dataIndex: 'idNumber', width: 180 },
    { title: t('党员', 'Party'), dataIndex: 'partyMember', width: 60, render: (v: boolean) => (v ? <Tag color="red">{t('党员', 'Party')}</Tag> : null) },
  ];

  return (
    <RegistryList<Person>
      title={t('人员', 'People')}
      path="/people"
      filters={filters}
      columns={columns}
      testId="people-table"
      search={t('姓名或手机号', 'Name or mobile')}
      exportable
      filterControls={
        <>
          <RoleFilter />
          <Select
            allowClear
            value={get('party')}
            onChange={(v) => set({ party: v })}
            placeholder={t('政治面貌', 'Party membership')}
            style={{ width: 130 }}
            options={[{ value: 'true', label: t('党员', 'Party members') }, { value: 'false', label: t('非党员', 'Non-members') }]}
          />
        </>
      }
      create={{
        permission: 'person.manage',
        label: t('登记人员', 'Register a person'),
        testId: 'person-create',
        form: (close) => <PersonForm onClose={close} defaultRegionId={regionId} />,
      }}
    />
  );
}

/** Register or edit a person; the rules mirror the API's (`CreatePersonBody`) and its answers land on the fields. */
export function PersonForm({ person, defaultRegionId, onClose }: { person?: Person; defaultRegionId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { busy, error, run } = useApiSubmit(form);
  const submit = run(async (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== '') body[k] = typeof val === 'string' ? val.trim() : val;
    await api(person ? `/people/${person.id}` : '/people', { method: person ? 'PATCH' : 'POST', body });
    await qc.invalidateQueries({ queryKey: ['/people'] });
    await qc.invalidateQueries({ queryKey: ['person'] });
    onClose();
  });
  return (
    <Modal open title={person ? t('编辑人员', 'Edit person') : t('登记人员', 'Register a person')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('保存', 'Save')} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          person
            ? {
                name: person.name,
                gender: person.gender,
                birthYear: person.birthYear ?? undefined,
                partyMember: person.partyMember,
                homeRegionId: person.homeRegionId ?? undefined,
                phone: person.phoneMasked ? undefined : (person.phone ?? undefined),
                email: person.emailMasked ? undefined : (person.email ?? undefined),
              }
            : { gender: 'unspecified', partyMember: false, homeRegionId: defaultRegionId }
        }
      >
        <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请填写姓名', 'Name is required') }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="gender" label={t('性别', 'Gender')}>
          <Select options={Object.entries(GENDER_LABELS).map(([k, l]) => ({ value: k, label: t(l) }))} />
        </Form.Item>
        <Form.Item name="birthYear" label={t('出生年份', 'Year of birth')} rules={[{ type: 'number', min: 1900, max: 2100 }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        {!(person && person.phoneMasked) && (
          <Form.Item name="phone" label={t('手机号', 'Mobile')} rules={[{ pattern: new RegExp(CN_MOBILE_PATTERN), message: t('请输入 11 位手机号', 'Enter an 11-digit mobile number') }]}>
            <Input maxLength={11} />
          </Form.Item>
        )}
        {/* The format is the API's to judge (its field error lands here); a kept address stays masked and blank means "keep it". */}
        <Form.Item
          name="email"
          label={t('电子邮箱（可不填）', 'Email (optional)')}
          extra={person?.emailMasked ? t(`已登记 ${person.email ?? ''}；留空则不变，填写新地址则替换`, `On file: ${person.email ?? ''}; leave blank to keep it, type a new address to replace it`) : t('用于接收诉求办理通知', 'Used to send appeal notices')}
          rules={[{ max: 254, message: t('邮箱地址太长', 'The address is too long') }]}
        >
          <Input inputMode="email" autoComplete="off" maxLength={254} placeholder={person?.emailMasked ? (person.email ?? undefined) : 'name@example.com'} data-testid="person-email" />
        </Form.Item>
        {!person && (
          <Form.Item name="idNumber" label={t('身份证号', 'ID number')} rules={[{ pattern: /^\d{17}[\dX]$/, message: t('请输入 18 位身份证号', 'Enter the 18-character ID number') }]}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item name="partyMember" label={t('党员', 'Party member')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="homeRegionId" label={t('居住网格', 'Home grid')} rules={[{ required: true, message: t('请选择居住网格', 'Choose the home grid') }]}>
          <RegionPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
