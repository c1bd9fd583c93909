import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ROLES, ROLE_LABELS, THREE_HEADS, type Assignment, type Role } from '@shuren/core';
import { api } from '../../../shared/api';
import { shanghaiToday, useI18n } from '../../../shared/i18n';
import { can } from '../shared/actions';
import { AuditButton } from '../shared/audit-history';
import { RoleFilter, SearchBox } from '../shared/filter-bar';
import { FormError, useApiSubmit } from '../shared/form-submit';
import { PersonPicker, RegionPicker } from '../shared/pickers';
import { RegistryList, useRegistryList } from '../shared/registry-list';
import { useUrlState } from '../shared/scope';

/** Who holds which role over which node: assign a 楼长 to a building, end an assignment. */
export default function AssignmentsPage() {
  const { t } = useI18n();
  const { get, set } = useUrlState();
  return (
    <Card title={t('任职（三长、网格员等）', 'Role assignments')} size="small">
      <AssignmentsTable
        role={get('role') as Role | undefined}
        activeOnly={get('active') !== 'all'}
        toolbar={
          <>
            <SearchBox placeholder={t('姓名或区域', 'Name or region')} />
            <RoleFilter />
            <span>
              {t('仅在任', 'Active only')}{' '}
              <Switch size="small" checked={get('active') !== 'all'} onChange={(v) => set({ active: v ? undefined : 'all' })} />
            </span>
          </>
        }
      />
    </Card>
  );
}

export function AssignmentsTable({ personId, defaultPersonId, role, activeOnly, toolbar }: { personId?: string; defaultPersonId?: string; role?: Role; activeOnly?: boolean; toolbar?: React.ReactNode }) {
  const { t } = useI18n();
  const list = useRegistryList(() => ({ role, activeOn: activeOnly ? shanghaiToday() : undefined }));
  const { href, regionId } = list;
  const [ending, setEnding] = useState<Assignment | null>(null);
  const filters = personId ? { personId } : list.filters;
  const columns = [
    { title: t('姓名', 'Name'), dataIndex: 'personName', width: 120, render: (v: string, a: Assignment) => <Link to={href(`/console/people/${a.personId}`)}>{v}</Link> },
    { title: t('角色', 'Role'), dataIndex: 'role', width: 110, render: (r: Role) => <Tag color={THREE_HEADS.includes(r) ? 'volcano' : 'blue'}>{t(ROLE_LABELS[r])}</Tag> },
    { title: t('区域', 'Region'), dataIndex: 'regionName', width: 200 },
    { title: t('开始', 'From'), dataIndex: 'startDate', width: 100 },
    { title: t('结束', 'Until'), dataIndex: 'endDate', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('状态', 'Status'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('在任', 'Active')}</Tag> : <Tag>{t('已结束', 'Ended')}</Tag>) },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, a: Assignment) => (
        <>
          {can(a, 'end') && (
            <Button size="small" danger type="link" onClick={() => setEnding(a)} data-testid="assignment-end">
              {t('结束任职', 'End')}
            </Button>
          )}
          <AuditButton entityType="assignment" entityId={a.id} />
        </>
      ),
    },
  ];
  return (
    <RegistryList<Assignment>
      path="/assignments"
      filters={filters}
      columns={columns}
      testId="assignments-table"
      filterControls={toolbar}
      create={{
        permission: 'assignment.manage',
        label: t('任命', 'Assign a role'),
        testId: 'assignment-create',
        form: (close) => <AssignForm personId={defaultPersonId} regionId={regionId} onClose={close} />,
      }}
    >
      {ending && <EndForm assignment={ending} onClose={() => setEnding(null)} />}
    </RegistryList>
  );
}

function AssignForm({ personId, regionId, onClose }: { personId?: string; regionId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { busy, error, run } = useApiSubmit(form);
  return (
    <Modal open title={t('任命', 'Assign a role')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('保存', 'Save')} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ personId, regionId, role: 'building_head', startDate: dayjs(shanghaiToday()) }}
        onFinish={run(async (v: any) => {
          await api('/assignments', { body: { personId: v.personId, role: v.role, regionId: v.regionId, startDate: v.startDate.format('YYYY-MM-DD'), ...(v.endDate ? { endDate: v.endDate.format('YYYY-MM-DD') } : {}) } });
          await qc.invalidateQueries({ queryKey: ['/assignments'] });
          onClose();
        })}
      >
        <Form.Item name="personId" label={t('人员', 'Person')} rules={[{ required: true, message: t('请选择人员', 'Choose a person') }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('负责区域（楼长选楼栋）', 'Region (a building for a 楼长)')} rules={[{ required: true, message: t('请选择区域', 'Choose a region') }]}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="startDate" label={t('开始日期', 'Start date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('结束日期（可选）', 'End date (optional)')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndForm({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { busy, error, run } = useApiSubmit(form);
  return (
    <Modal open title={t(`结束任职：${assignment.personName}`, `End role: ${assignment.personName}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('结束任职', 'End')} okButtonProps={{ danger: true }} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ endDate: dayjs(shanghaiToday()) }}
        onFinish={run(async (v: any) => {
          await api(`/assignments/${assignment.id}/end`, { body: { endDate: v.endDate.format('YYYY-MM-DD'), ...(v.reason ? { reason: v.reason } : {}) } });
          await qc.invalidateQueries({ queryKey: ['/assignments'] });
          onClose();
        })}
      >
        <Form.Item name="endDate" label={t('最后一天（含）', 'Last day (inclusive)')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ max: 500 }]}>
          <Input.TextArea />
        </Form.Item>
      </Form>
    </Modal>
  );
}
