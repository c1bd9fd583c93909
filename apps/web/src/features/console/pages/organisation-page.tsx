import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ORG_MEMBER_ROLES, type OrganisationDetail, type OrgMember } from '@shuren/core';
import { api } from '../../../shared/api';
import { errorPage } from '../../../shared/guards';
import { shanghaiToday, useI18n } from '../../../shared/i18n';
import { can } from '../shared/actions';
import { AuditButton } from '../shared/audit-history';
import { PersonPicker } from '../shared/pickers';
import { useScopedHref } from '../shared/scope';
import { CommandModal, compact } from '../shared/simple-form';
import { OrganisationFields } from './organisations-page';

const MEMBER_ROLE_LABELS: Record<(typeof ORG_MEMBER_ROLES)[number], { zh: string; en: string }> = {
  leader: { zh: '负责人', en: 'Leader' },
  deputy: { zh: '副负责人', en: 'Deputy' },
  member: { zh: '成员', en: 'Member' },
  contact: { zh: '联络人', en: 'Contact' },
};

export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const href = useScopedHref();
  const org = useQuery({ queryKey: ['organisation', id], queryFn: () => api<OrganisationDetail>(`/organisations/${id}`) });
  const [dialog, setDialog] = useState<null | 'edit' | 'dissolve' | 'add' | { leave: OrgMember }>(null);
  const page = errorPage(org.error);
  if (page) return <>{page}</>;
  const o = org.data;
  if (!o) return <Card loading />;
  const keys = [['organisation', id], ['/organisations']];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={<span data-testid="org-name">{o.name}</span>}
        extra={
          <Space>
            {can(o, 'update') && <Button size="small" onClick={() => setDialog('edit')}>{t('编辑', 'Edit')}</Button>}
            {can(o, 'dissolve') && <Button size="small" danger onClick={() => setDialog('dissolve')}>{t('解散', 'Dissolve')}</Button>}
            <AuditButton entityType="organisation" entityId={o.id} />
          </Space>
        }
      >
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('类型', 'Kind')}>{t(o.kindLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('所属区域', 'Region')}>{o.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('成立日期', 'Founded')}>{o.foundedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('状态', 'Status')}>{o.dissolved ? <Tag>{t(`已于 ${o.dissolvedOn} 解散`, `Dissolved on ${o.dissolvedOn}`)}</Tag> : <Tag color="green">{t('活跃', 'Active')}</Tag>}</Descriptions.Item>
          <Descriptions.Item label={t('当前成员', 'Current members')}>{o.memberCount}</Descriptions.Item>
          <Descriptions.Item label={t('简介', 'Description')}>{o.description ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('成员', 'Members')} extra={can(o, 'addMember') && <Button size="small" type="primary" onClick={() => setDialog('add')} data-testid="org-add-member">{t('添加成员', 'Add member')}</Button>}>
        <Table<OrgMember>
          rowKey="id"
          size="small"
          dataSource={o.members}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'personName', render: (v: string, m) => <Link to={href(`/console/people/${m.personId}`)}>{v}</Link> },
            { title: t('职务', 'Role'), dataIndex: 'role', render: (r: OrgMember['role']) => t(MEMBER_ROLE_LABELS[r] ?? { zh: r, en: r }) },
            { title: t('手机号', 'Mobile'), dataIndex: 'phone' },
            { title: t('加入', 'Joined'), dataIndex: 'joinedOn' },
            { title: t('退出', 'Left'), dataIndex: 'leftOn', render: (v: string | null) => v ?? '—' },
            { title: t('操作', 'Actions'), key: 'a', render: (_: unknown, m) => can(m, 'leave') && <Button size="small" type="link" danger onClick={() => setDialog({ leave: m })}>{t('退出组织', 'Leave')}</Button> },
          ]}
        />
        {o.membersTruncated && <Tag color="orange">{t('仅显示前 1000 名成员', 'Only the first 1000 members are shown')}</Tag>}
      </Card>
      {dialog === 'edit' && (
        <CommandModal title={t('编辑组织', 'Edit organisation')} path={`/organisations/${o.id}`} method="PATCH" initialValues={{ name: o.name, regionId: o.regionId, description: o.description ?? undefined, foundedOn: o.foundedOn ? dayjs(o.foundedOn) : undefined }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <OrganisationFields edit />
        </CommandModal>
      )}
      {dialog === 'dissolve' && (
        <CommandModal title={t('解散组织', 'Dissolve organisation')} path={`/organisations/${o.id}/dissolve`} danger okText={t('解散', 'Dissolve')} initialValues={{ date: dayjs(shanghaiToday()) }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <Form.Item name="date" label={t('解散日期', 'Date')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, min: 2, max: 500, message: t('请填写原因（至少 2 个字）', 'Give a reason (2+ characters)') }]}><Input.TextArea /></Form.Item>
        </CommandModal>
      )}
      {dialog === 'add' && (
        <CommandModal title={t('添加成员', 'Add member')} path={`/organisations/${o.id}/members`} initialValues={{ role: 'member', joinedOn: dayjs(shanghaiToday()) }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <Form.Item name="personId" label={t('人员', 'Person')} rules={[{ required: true, message: t('请选择人员', 'Choose a person') }]}><PersonPicker /></Form.Item>
          <Form.Item name="role" label={t('职务', 'Role')} rules={[{ required: true }]}><Select options={ORG_MEMBER_ROLES.map((r) => ({ value: r, label: t(MEMBER_ROLE_LABELS[r]) }))} /></Form.Item>
          <Form.Item name="joinedOn" label={t('加入日期', 'Joined on')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </CommandModal>
      )}
      {dialog && typeof dialog === 'object' && (
        <CommandModal title={t(`${dialog.leave.personName} 退出组织`, `${dialog.leave.personName} leaves`)} path={`/organisations/${o.id}/members/${dialog.leave.id}/leave`} danger initialValues={{ leftOn: dayjs(shanghaiToday()) }} toBody={compact} invalidate={keys} onClose={() => setDialog(null)}>
          <Form.Item name="leftOn" label={t('退出日期', 'Left on')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </CommandModal>
      )}
    </Space>
  );
}
