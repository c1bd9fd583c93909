import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { APPEAL_LEVEL_LABELS, DEPARTMENT_LABELS, DEPARTMENTS, SATISFACTION_LABELS, SATISFACTIONS, type AppealLevel } from '@shuren/core';
import { useI18n, type ZhEn } from '../../../shared/i18n';
import { CommandModal, compact } from '../../console/shared/simple-form';
import { commandPath, type Appeal } from '../appeals-api';
import { COMMAND_LABELS, commandFields, DANGER } from '../commands';
import { MergeSurvivorPicker } from './merge-picker';
import { PhotoField } from './photo-field';
import { dispatchLevels, suggestedUnit } from './suggest';

// Button words, order and each command's fields are shared with the phone screens (../commands).
export { COMMAND_LABELS, COMMAND_ORDER, DANGER, staffActions } from '../commands';

const levelOptions = (levels: AppealLevel[], t: (x: ZhEn) => string) => levels.map((l) => ({ value: l, label: t(APPEAL_LEVEL_LABELS[l]) }));

/**
 * One command as a small form with exactly the fields it needs (reason, note, unit, level, satisfaction…).
 * The appeal's version goes along: if someone else acted in between, the server answers 409 and says so here.
 */
export function ActionModal({ appeal, command, category, onClose }: { appeal: Appeal; command: string; category?: { defaultLevel: AppealLevel; department: string | null }; onClose: () => void }) {
  const { t } = useI18n();
  const label = COMMAND_LABELS[command] ?? { zh: command, en: command };
  const suggested = command === 'dispatch' ? suggestedUnit(appeal.unit.level, category) : null;
  const fields = commandFields(command, appeal);
  const reason = (label: ZhEn) => (
    <Form.Item name="reason" label={t(label)} rules={[{ required: true, whitespace: true, message: t('请填写原因', 'A reason is required') }, { max: 500 }]}>
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
          {fields.reason && command !== 'escalate' && command !== 'request_extension' && reason(fields.reason)}
          {command === 'escalate' && (
            <>
              {reason(fields.reason!)}
              {fields.department && (
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
              {reason(fields.reason!)}
            </>
          )}
          {command === 'approve_extension' && (
            <Form.Item name="approved" label={t('审批', 'Decision')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: t('同意', 'Approve') }, { value: false, label: t('不同意', 'Refuse') }]} optionType="button" />
            </Form.Item>
          )}
          {fields.photos && (
            <Form.Item name="photoRefs" label={t(fields.photos)}>
              <PhotoField />
            </Form.Item>
          )}
          {fields.note && command !== 'dispatch' && note(fields.note === 'required')}
          <Form.Item name="internalNote" label={t('内部备注（仅工作人员可见）', 'Internal note (staff only)')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="action-internal-note" />
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}
