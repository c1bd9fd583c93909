import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Modal, Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '@shuren/core';
import { api } from '../../../shared/api';
import { errorPage } from '../../../shared/guards';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { can } from '../shared/actions';
import { AuditButton } from '../shared/audit-history';
import { AssignmentsTable } from './assignments-page';
import { GENDER_LABELS, PersonForm } from './people-page';

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => api<Person>(`/people/${id}`) });
  const [editing, setEditing] = useState(false);
  // What a reveal showed belongs to the record as it was then: an edit (a new updatedAt) masks it again.
  const [revealedFor, setRevealedFor] = useState<{ at: string; values: Revealed } | null>(null);
  const [revealing, setRevealing] = useState<null | RevealField[]>(null);
  const page = errorPage(person.error);
  if (page) return <>{page}</>;
  const p = person.data;
  if (!p) return <Card loading />;
  const revealed: Revealed = revealedFor?.at === p.updatedAt ? revealedFor.values : {};
  // Phone and email are contact details under the same permission: one audited reveal shows both.
  const contactFields: RevealField[] = [...(can(p, 'revealPhone') && revealed.phone === undefined ? (['phone'] as const) : []), ...(can(p, 'revealEmail') && revealed.email === undefined ? (['email'] as const) : [])];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={<span data-testid="person-name">{p.name}</span>}
        extra={
          <Space>
            {contactFields.length > 0 && (
              <Button size="small" onClick={() => setRevealing(contactFields)} data-testid={contactFields.includes('phone') ? 'reveal-phone' : 'reveal-email'}>
                {contactFields.length === 2 ? t('查看完整手机号和邮箱', 'Show full mobile and email') : contactFields[0] === 'phone' ? t('查看完整手机号', 'Show full mobile') : t('查看完整邮箱', 'Show full email')}
              </Button>
            )}
            {can(p, 'revealIdNumber') && revealed.idNumber === undefined && (
              <Button size="small" onClick={() => setRevealing(['idNumber'])}>{t('查看完整身份证号', 'Show full ID number')}</Button>
            )}
            {can(p, 'edit', 'update') && (
              <Button size="small" type="primary" onClick={() => setEditing(true)} data-testid="person-edit">{t('编辑', 'Edit')}</Button>
            )}
            <AuditButton entityType="person" entityId={p.id} />
          </Space>
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('性别', 'Gender')}>{t(GENDER_LABELS[p.gender])}</Descriptions.Item>
          <Descriptions.Item label={t('出生年', 'Born')}>{p.birthYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('党员', 'Party member')}>{p.partyMember ? <Tag color="red">{t('是', 'Yes')}</Tag> : t('否', 'No')}</Descriptions.Item>
          <Descriptions.Item label={t('手机号', 'Mobile')}>{revealed.phone !== undefined ? revealed.phone : (p.phone ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={t('电子邮箱', 'Email')}>
            <span data-testid="person-email-value">{revealed.email !== undefined ? (revealed.email ?? '—') : (p.email ?? '—')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('身份证号', 'ID number')}>{revealed.idNumber !== undefined ? revealed.idNumber : (p.idNumber ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={t('更新时间', 'Updated')}>{formatDateTime(p.updatedAt, lang)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('担任的角色', 'Roles held')}>
        <AssignmentsTable personId={p.id} defaultPersonId={p.id} />
      </Card>
      {editing && <PersonForm person={p} onClose={() => setEditing(false)} />}
      {revealing && <RevealDialog personId={p.id} fields={revealing} onDone={(v) => { setRevealedFor({ at: p.updatedAt, values: { ...revealed, ...v } }); setRevealing(null); }} onCancel={() => setRevealing(null)} />}
    </Space>
  );
}

type RevealField = 'phone' | 'idNumber' | 'email';
type Revealed = { phone?: string | null; idNumber?: string | null; email?: string | null };

/** Every reveal is audited with a reason, so the dialog asks for one. */
function RevealDialog({ personId, fields, onDone, onCancel }: { personId: string; fields: RevealField[]; onDone: (v: Revealed) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('查看完整信息（将记录在审计日志中）', 'Show the full value (recorded in the audit log)')}
      okText={t('查看', 'Show')}
      okButtonProps={{ disabled: reason.trim().length < 2, loading: busy }}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          onDone(await api<Revealed>(`/people/${personId}/reveal`, { body: { fields, reason: reason.trim() } }));
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('查看原因，例如：联系居民核实住址', 'Reason, e.g. calling to confirm the address')} maxLength={200} aria-label={t('原因', 'Reason')} />
    </Modal>
  );
}
