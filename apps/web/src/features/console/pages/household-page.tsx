import { useState } from 'react';
import { Button, Card, Descriptions, Form, Select, Space, Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { HOUSEHOLD_RELATIONS, HOUSEHOLD_RELATION_LABELS, type Household } from '@shuren/core';
import { api } from '../../../shared/api';
import { errorPage } from '../../../shared/guards';
import { useI18n } from '../../../shared/i18n';
import { can } from '../shared/actions';
import { AuditButton } from '../shared/audit-history';
import { PersonPicker } from '../shared/pickers';
import { useScopedHref } from '../shared/scope';
import { CommandModal, compact } from '../shared/simple-form';
import { HouseholdFields } from './households-page';

type Member = NonNullable<Household['members']>[number];

export default function HouseholdPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const href = useScopedHref();
  const hh = useQuery({ queryKey: ['household', id], queryFn: () => api<Household>(`/households/${id}`) });
  const [dialog, setDialog] = useState<null | 'edit' | 'add'>(null);
  const page = errorPage(hh.error);
  if (page) return <>{page}</>;
  const h = hh.data;
  if (!h) return <Card loading />;
  const keys = [['household', id], ['/households']];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={<span data-testid="household-title">{h.address} {h.room}</span>}
        extra={
          <Space>
            {can(h, 'update', 'edit') && <Button size="small" onClick={() => setDialog('edit')}>{t('编辑', 'Edit')}</Button>}
            <AuditButton entityType="household" entityId={h.id} />
          </Space>
        }
      >
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('楼栋/街巷', 'Building/lane')}>{h.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('房号', 'Room')}>{h.room}</Descriptions.Item>
          <Descriptions.Item label={t('专有面积', 'Floor area')}>{h.floorArea === null ? '—' : `${h.floorArea.toFixed(2)} ㎡`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('家庭成员', 'Members')} extra={can(h, 'addMember') && <Button size="small" type="primary" onClick={() => setDialog('add')}>{t('添加成员', 'Add member')}</Button>}>
        <Table<Member>
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={h.members ?? []}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name', render: (v: string, m) => <Link to={href(`/console/people/${m.personId}`)}>{v}</Link> },
            { title: t('关系', 'Relation'), dataIndex: 'relationLabel', render: (l: { zh: string; en: string } | null) => (l ? t(l) : '—') },
            { title: t('手机号', 'Mobile'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          ]}
        />
      </Card>
      {dialog === 'edit' && (
        <CommandModal title={t('编辑住户', 'Edit household')} path={`/households/${h.id}`} method="PATCH" initialValues={{ room: h.room, address: h.address, floorArea: h.floorArea ?? undefined }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <HouseholdFields edit />
        </CommandModal>
      )}
      {dialog === 'add' && (
        <CommandModal title={t('添加成员', 'Add member')} path={`/households/${h.id}/members`} initialValues={{ relation: 'member' }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <Form.Item name="personId" label={t('人员', 'Person')} rules={[{ required: true, message: t('请选择人员', 'Choose a person') }]}><PersonPicker /></Form.Item>
          <Form.Item name="relation" label={t('关系', 'Relation')} rules={[{ required: true }]}><Select options={HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(HOUSEHOLD_RELATION_LABELS[r]) }))} /></Form.Item>
        </CommandModal>
      )}
    </Space>
  );
}
