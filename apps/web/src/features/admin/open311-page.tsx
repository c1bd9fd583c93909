import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { IssuedOpen311Client, Open311Client } from '@shuren/core';
import { api } from '../../shared/api';
import { formatDateTime, useI18n } from '../../shared/i18n';
import { FormError, useApiSubmit } from '../console/shared/form-submit';
import { RegionPicker } from '../console/shared/pickers';
import { OPEN311_CLIENTS_KEY, useOpen311Clients } from './admin-api';

/** Open311 接入: partner apps and hotline bridges with their api_key; a key is shown once, when issued. */
export default function Open311Page() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const clients = useOpen311Clients();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedOpen311Client | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const endpoint = `${location.origin}/open311/v2`;

  const revoke = async (c: Open311Client) => {
    setBusy(c.id);
    try {
      await api(`/open311/clients/${c.id}/revoke`, { method: 'POST' });
      await qc.invalidateQueries({ queryKey: OPEN311_CLIENTS_KEY });
      message.success(t('密钥已吊销', 'Key revoked'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const columns = [
    { title: t('接入方', 'Client'), dataIndex: 'name', width: 200 },
    { title: t('区域', 'Region'), dataIndex: 'regionName', width: 140 },
    { title: t('密钥前缀', 'Key prefix'), dataIndex: 'keyPrefix', width: 120, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { title: t('可查询', 'May read'), dataIndex: 'readScope', width: 150, render: (v: string) => (v === 'region' ? t('本区域全部诉求', 'All appeals in its region') : t('仅自己提交的', 'Only its own')) },
    { title: t('回执', 'Replies'), dataIndex: 'tokenReplies', width: 90, render: (v: boolean) => (v ? 'token' : 'id') },
    { title: t('签发时间', 'Issued'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t('状态', 'Status'), dataIndex: 'revokedAt', width: 150, render: (v: string | null) => (v ? <Tag>{t('已吊销', 'Revoked')} {formatDateTime(v)}</Tag> : <Tag color="green">{t('有效', 'Active')}</Tag>) },
    {
      title: t('操作', 'Actions'),
      key: 'a',
      width: 90,
      render: (_: unknown, c: Open311Client) =>
        c.allowedActions.includes('revoke') && (
          <Popconfirm title={t('吊销后该接入方立即无法提交和查询，确定？', 'The client can no longer submit or read once revoked. Revoke?')} onConfirm={() => revoke(c)} okText={t('吊销', 'Revoke')} cancelText={t('取消', 'Cancel')}>
            <Button size="small" type="link" danger loading={busy === c.id} data-testid={`open311-revoke-${c.keyPrefix}`}>
              {t('吊销', 'Revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('第三方应用和热线系统通过 Open311 GeoReport v2 提交与查询诉求，接口地址：', 'Partner apps and hotline systems submit and read appeals through Open311 GeoReport v2 at ')}
          <Typography.Text code copyable>{endpoint}</Typography.Text>
        </Typography.Text>
        <Button type="primary" size="small" icon={<KeyOutlined />} onClick={() => setIssuing(true)} data-testid="open311-issue">
          {t('签发新密钥', 'Issue a key')}
        </Button>
      </Space>
      {clients.isError && <Alert type="error" title={(clients.error as Error).message} />}
      <Table<Open311Client> size="small" rowKey="id" loading={clients.isPending} columns={columns} dataSource={clients.data?.items ?? []} pagination={false} data-testid="open311-clients" />
      {issuing && (
        <IssueModal
          onClose={() => setIssuing(false)}
          onIssued={(c) => {
            setIssuing(false);
            setIssued(c);
            void qc.invalidateQueries({ queryKey: OPEN311_CLIENTS_KEY });
          }}
        />
      )}
      {issued && (
        <Modal
          open
          title={t('密钥已签发', 'Key issued')}
          closable={false}
          maskClosable={false}
          footer={<Button type="primary" onClick={() => setIssued(null)} data-testid="open311-key-done">{t('我已妥善保存', 'I have stored it')}</Button>}
        >
          <Alert type="warning" showIcon title={t('此密钥只显示这一次，关闭后无法再查看。请立即复制并安全地交给接入方。', 'This key is shown only now and cannot be seen again. Copy it and hand it over safely.')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph>
            {t('接入方：', 'Client: ')}
            <strong>{issued.name}</strong>
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: issued.apiKey, tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] }} code style={{ fontSize: 15, wordBreak: 'break-all' }} data-testid="open311-key">
            {issued.apiKey}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('提交诉求：POST ', 'Submit: POST ')}
            <Typography.Text code>{endpoint}/requests.json</Typography.Text> {t('并带上 api_key 参数。', 'with the api_key parameter.')}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}

function IssueModal({ onClose, onIssued }: { onClose: () => void; onIssued: (c: IssuedOpen311Client) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { busy, error, run } = useApiSubmit(form);
  return (
    <Modal open title={t('签发 Open311 密钥', 'Issue an Open311 key')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('签发', 'Issue')} okButtonProps={{ 'data-testid': 'open311-issue-ok' } as any} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ readScope: 'own', tokenReplies: false }}
        onFinish={run(async (v: any) => {
          onIssued(await api<IssuedOpen311Client>('/open311/clients', { body: { name: v.name, readScope: v.readScope, tokenReplies: !!v.tokenReplies, ...(v.regionId ? { regionId: v.regionId } : {}) } }));
        })}
      >
        <Form.Item name="name" label={t('接入方名称', 'Client name')} rules={[{ required: true, message: t('请填写名称', 'Name is required') }, { max: 100 }]}>
          <Input placeholder={t('如：12345 热线对接', 'e.g. 12345 hotline bridge')} data-testid="open311-name" />
        </Form.Item>
        <Form.Item name="regionId" label={t('受理区域（默认整个街道）', 'Region (default: the whole subdistrict)')}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="readScope" label={t('可查询的诉求', 'What it may read')}>
          <Select
            options={[
              { value: 'own', label: t('仅自己提交的', 'Only its own submissions') },
              { value: 'region', label: t('本区域全部诉求（公开内容）', 'All appeals in its region (public fields)') },
            ]}
          />
        </Form.Item>
        <Form.Item name="tokenReplies" label={t('提交后返回 token（批处理式接入）', 'Reply with a token (batch-style clients)')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
