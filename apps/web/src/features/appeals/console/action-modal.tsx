import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { APPEAL_LEVEL_LABELS, DEPARTMENT_LABELS, DEPARTMENTS, SATISFACTION_LABELS, SATISFACTIONS, type AppealLevel } from '@shuren/core';
import { useI18n, type ZhEn } from '../../../shared/i18n';
import { CommandModal, compact } from '../../console/shared/simple-form';
import { commandPath, type Appeal } from '../appeals-api';
import { MergeSurvivorPicker } from './merge-picker';
import { PhotoField } from './photo-field';
import { dispatchLevels, suggestedUnit } from './suggest';

/** Button words for each workflow command, and which ones change the outcome for good (shown as danger). */
export const COMMAND_LABELS: Record<string, ZhEn> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  merge: { zh: '合并重复', en: 'Merge duplicate' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  start: { zh: '开始处理', en: 'Start' },
  handle: { zh: '办结处置', en: 'Mark handled' },
  verify: { zh: '现场核查', en: 'Verify on site' },
  close: { zh: '结案', en: 'Close' },
  return: { zh: '退回（非本单位）', en: 'Return (not ours)' },
  escalate: { zh: '上报', en: 'Escalate' },
  pause: { zh: '暂停（等居民）', en: 'Pause (waiting for resident)' },
  resume: { zh: '恢复', en: 'Resume' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '审批延期', en: 'Decide extension' },
  reopen: { zh: '重新打开', en: 'Reopen' },
};
export const DANGER = new Set(['reject', 'merge', 'return']);
/** Order of buttons: the usual next step first. */
export const COMMAND_ORDER = ['accept', 'dispatch', 'start', 'handle', 'verify', 'close', 'approve_extension', 'resume', 'escalate', 'request_extension', 'pause', 'return', 'merge', 'reject', 'reopen'];

export function staffActions(a: Pick<Appeal, 'allowedActions'>): string[] {
  return COMMAND_ORDER.filter((c) => a.allowedActions.includes(c));
}

const levelOptions = (levels: AppealLevel[], t: (x: ZhEn) => string) => levels.map((l) => ({ value: l, label: t(APPEAL_LEVEL_LABELS[l]) }));

/**
 * One command as a small form with exactly the fields it needs (reason, note, unit, level, satisfaction…).
 * The appeal's version goes along: if someone else acted in between, the server answers 409 and says so here.
 */
export function ActionModal({ appeal, command, category, onClose }: { appeal: Appeal; command: string; category?: { defaultLevel: AppealLevel; department: string | null }; onClose: () => void }) {
  const { t } = useI18n();
  const label = COMMAND_LABELS[command] ?? { zh: command, en: command };
  const suggested = command === 'dispatch' ? suggestedUnit(appeal.unit.level, category) : null;
  const reason = (zh: string, en: string) => (
    <Form.Item name="reason" label={t(zh, en)} rules={[{ required: true, whitespace: true, message: t('请填写原因', 'A reason is required') }, { max: 500 }]}>
      <Input.TextArea rows={3} data-testid="action-reason" />
    </Form.Item>
  );
  const note = (required = false) => (
    <Form.Item name="note" label={t('对居民说明（公开）', 'Note to the resident (public)')} rules={[{ required, whitespace: true, message: t('请填写处置情况', 'Say what was done') }, { max: 2000 }]}>
      <Input.TextArea rows={3} data-testid="action-note" />
    </Form.Item>
  );
  return (
    <CommandModal<Record<string, any>>
      title={`${t(label)} · ${appeal.trackingCode}`}
      path={`/appeals/${appeal.id}/${commandPath(command)}`}
      initialValues={{ version: appeal.version, level: suggested?.level, department: suggested?.department, fixed: true, approved: true }}
      toBody={(v) => compact({ ...v, version: appeal.version })}
      invalidate={[['/appeals'], ['appeals']]}
      onClose={onClose}
      okText={t(label)}
      danger={DANGER.has(command)}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t(appeal.category.name)} · {appeal.place.regionName} · {t(appeal.statusName)}
          </Typography.Paragraph>
          {command === 'dispatch' && (
            <>
              <Form.Item name="level" label={t('派给哪一级', 'Level')} rules={[{ required: true }]} extra={suggested && t(`建议：${t(APPEAL_LEVEL_LABELS[suggested.level])}`, `Suggested: ${t(APPEAL_LEVEL_LABELS[suggested.level])}`)}>
                <Radio.Group options={levelOptions(dispatchLevels(appeal.unit.level), t)} optionType="button" data-testid="action-level" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.level !== b.level}>
                {() =>
                  form.getFieldValue('level') === 'department' && (
                    <Form.Item name="department" label={t('职能部门', 'Department')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
                      <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(DEPARTMENT_LABELS[d]) }))} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('具体单位按事发地点确定（所在社区、小区或楼栋）。', 'The unit follows the place (its community, compound or building).')}</Typography.Paragraph>
              {note()}
            </>
          )}
          {command === 'reject' && reason('不予受理的原因（居民可见）', 'Why not (the resident sees it)')}
          {command === 'return' && reason('退回原因（为什么不归本单位）', 'Why it is not ours')}
          {command === 'pause' && reason('等待居民什么', 'What we are waiting for')}
          {command === 'reopen' && reason('重新打开的原因', 'Why reopen')}
          {command === 'escalate' && (
            <>
              {reason('上报原因', 'Why escalate')}
              {appeal.unit.level === 'subdistrict' && (
                <Form.Item name="department" label={t('职能部门', 'Department')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
                  <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(DEPARTMENT_LABELS[d]) }))} />
                </Form.Item>
              )}
            </>
          )}
          {command === 'merge' && (
            <Form.Item name="survivorId" label={t('合并到哪一条', 'Merge into')} rules={[{ required: true, message: t('请选择保留的诉求', 'Choose the appeal to keep') }]}>
              <MergeSurvivorPicker appeal={appeal} />
            </Form.Item>
          )}
          {command === 'verify' && (
            <Form.Item name="fixed" label={t('核查结果', 'Result')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: t('已解决', 'Fixed') }, { value: false, label: t('未解决，返工', 'Not fixed: rework') }]} optionType="button" />
            </Form.Item>
          )}
          {command === 'close' && (
            <Form.Item name="satisfaction" label={t('居民满意度', 'Resident satisfaction')} rules={[{ required: true, message: t('请选择满意度', 'Choose one') }]}>
              <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: t(SATISFACTION_LABELS[s]) }))} optionType="button" />
            </Form.Item>
          )}
          {command === 'request_extension' && (
            <>
              <Form.Item name="days" label={t('延期（工作日）', 'Extra working days')} rules={[{ required: true, message: t('请填写天数', 'How many days') }]}>
                <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
              </Form.Item>
              {reason('延期原因', 'Why')}
            </>
          )}
          {command === 'approve_extension' && (
            <Form.Item name="approved" label={t('审批', 'Decision')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: t('同意', 'Approve') }, { value: false, label: t('不同意', 'Refuse') }]} optionType="button" />
            </Form.Item>
          )}
          {(command === 'handle' || command === 'verify') && (
            <Form.Item name="photoRefs" label={command === 'handle' ? t('处置后照片', 'After-photos') : t('现场照片', 'On-site photos')}>
              <PhotoField />
            </Form.Item>
          )}
          {['accept', 'start', 'handle', 'verify', 'close', 'resume', 'approve_extension', 'merge'].includes(command) && note(command === 'handle')}
          <Form.Item name="internalNote" label={t('内部备注（仅工作人员可见）', 'Internal note (staff only)')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="action-internal-note" />
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}
