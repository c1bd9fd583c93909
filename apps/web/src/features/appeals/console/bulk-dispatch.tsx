import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { APPEAL_LEVEL_LABELS, DEPARTMENT_LABELS, DEPARTMENTS, type AppealLevel } from '@shuren/core';
import { useI18n } from '../../../shared/i18n';
import { runCommand, type Appeal, type AppealCategory } from '../appeals-api';
import { suggestedUnit } from './suggest';

interface Outcome {
  code: string;
  ok: boolean;
  message?: string;
}

/**
 * Dispatch several appeals at once: each to its own suggested unit (one rung down, toward its place), or
 * all to one level. Each goes as its own command with the version the dispatcher saw; a report someone
 * else took meanwhile fails alone (409) and is listed, the rest go through.
 */
export function BulkDispatch({ selected, categories, onDone }: { selected: Appeal[]; categories: Map<string, AppealCategory>; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [form] = Form.useForm<{ mode: 'suggested' | AppealLevel; department?: string; note?: string; internalNote?: string }>();
  const dispatchable = selected.filter((a) => a.allowedActions.includes('dispatch'));
  const suggestion = (a: Appeal) => suggestedUnit(a.unit.level, categories.get(a.category.code));

  const run = async (v: { mode: 'suggested' | AppealLevel; department?: string; note?: string; internalNote?: string }) => {
    setBusy(true);
    const out: Outcome[] = [];
    for (const a of dispatchable) {
      const unit = v.mode === 'suggested' ? suggestion(a) : { level: v.mode, department: v.mode === 'department' ? v.department : undefined };
      if (!unit) {
        out.push({ code: a.trackingCode, ok: false, message: t('没有更低一级可派', 'Nothing below to dispatch to') });
        continue;
      }
      try {
        await runCommand(a.id, 'dispatch', { level: unit.level, ...(unit.department ? { department: unit.department } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}), ...(v.internalNote?.trim() ? { internalNote: v.internalNote.trim() } : {}), version: a.version });
        out.push({ code: a.trackingCode, ok: true });
      } catch (e) {
        out.push({ code: a.trackingCode, ok: false, message: (e as Error).message });
      }
    }
    setOutcomes(out);
    setBusy(false);
    await qc.invalidateQueries({ queryKey: ['/appeals'] });
    await qc.invalidateQueries({ queryKey: ['appeals'] });
    if (out.every((o) => o.ok)) {
      setOpen(false);
      setOutcomes(null);
      onDone();
    }
  };

  return (
    <>
      <Button type="primary" disabled={dispatchable.length === 0} onClick={() => { setOutcomes(null); setOpen(true); }} data-testid="bulk-dispatch">
        {t(`批量派单（${dispatchable.length}）`, `Dispatch selected (${dispatchable.length})`)}
      </Button>
      <Modal open={open} title={t(`批量派单：${dispatchable.length} 条`, `Dispatch ${dispatchable.length} appeals`)} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={busy} okText={t('派单', 'Dispatch')} destroyOnHidden>
        {outcomes && outcomes.some((o) => !o.ok) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`${outcomes.filter((o) => o.ok).length} 条已派出，${outcomes.filter((o) => !o.ok).length} 条未派出`, `${outcomes.filter((o) => o.ok).length} dispatched, ${outcomes.filter((o) => !o.ok).length} not`)}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{outcomes.filter((o) => !o.ok).map((o) => <li key={o.code}>{o.code}：{o.message}</li>)}</ul>}
            data-testid="bulk-result"
          />
        )}
        <Form form={form} layout="vertical" initialValues={{ mode: 'suggested' }} onFinish={run}>
          <Form.Item name="mode" label={t('派给', 'Send to')}>
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value="suggested" data-testid="bulk-suggested">{t('各自的建议单位（按事发地点，下一级）', 'Each one’s suggested unit (next level down, by place)')}</Radio>
                {(['community', 'compound', 'grid', 'department'] as AppealLevel[]).map((l) => (
                  <Radio key={l} value={l}>{t(`统一派到：${t(APPEAL_LEVEL_LABELS[l])}`, `All to: ${t(APPEAL_LEVEL_LABELS[l])}`)}</Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
            {() =>
              form.getFieldValue('mode') === 'department' && (
                <Form.Item name="department" label={t('职能部门', 'Department')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
                  <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(DEPARTMENT_LABELS[d]) }))} />
                </Form.Item>
              )
            }
          </Form.Item>
          <ul style={{ margin: '0 0 12px', paddingInlineStart: 18 }}>
            {dispatchable.map((a) => {
              const s = suggestion(a);
              return (
                <li key={a.id}>
                  <Typography.Text code>{a.trackingCode}</Typography.Text> {t(a.category.name)} · {a.place.regionName} → {s ? t(s.department ? DEPARTMENT_LABELS[s.department] : APPEAL_LEVEL_LABELS[s.level]) : '—'}
                </li>
              );
            })}
          </ul>
          <Form.Item name="note" label={t('对居民说明（公开）', 'Note to residents (public)')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="internalNote" label={t('内部备注', 'Internal note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
