import { Button, Checkbox, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { APPEAL_LEVEL_LABELS, APPEAL_LEVELS, DEFAULT_SLA, DEPARTMENT_LABELS, DEPARTMENTS, type AdminCategory, type AppealLevel, type SlaTable } from '@shuren/core';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { FormError, useApiSubmit } from '../console/shared/form-submit';
import { ADMIN_CATEGORIES_KEY } from './admin-api';
import { durationText } from './sla-text';

export type DrawerTarget = { mode: 'create'; parent?: AdminCategory } | { mode: 'edit'; category: AdminCategory };

type Duration = { amount: number; unit: 'hours' | 'days' };
interface Values {
  code?: string;
  name: { zh: string; en: string };
  defaultLevel: AppealLevel;
  department?: string | null;
  mediation: boolean;
  sortOrder: number;
  /** Levels with their own targets; the others use the defaults. */
  slaOn: Partial<Record<AppealLevel, boolean>>;
  sla: Partial<Record<AppealLevel, { response: Duration; resolution: Duration }>>;
  questions: { key: string; label: { zh: string; en: string }; type: 'text' | 'number' | 'boolean' | 'choice'; required: boolean; choices?: { key: string; zh: string; en: string }[] }[];
}

function initialValues(target: DrawerTarget): Values {
  const c = target.mode === 'edit' ? target.category : undefined;
  const parent = target.mode === 'create' ? target.parent : undefined;
  const own = (c?.sla ?? {}) as SlaTable;
  return {
    code: c?.code,
    name: c?.name ?? { zh: '', en: '' },
    defaultLevel: c?.defaultLevel ?? parent?.defaultLevel ?? 'community',
    department: c?.department ?? null,
    mediation: c?.mediation ?? false,
    sortOrder: c?.sortOrder ?? (parent ? parent.sortOrder + 5 : 500),
    slaOn: Object.fromEntries(APPEAL_LEVELS.map((l) => [l, !!own[l]])),
    sla: Object.fromEntries(APPEAL_LEVELS.map((l) => [l, own[l] ?? DEFAULT_SLA[l]])) as Values['sla'],
    questions: (c?.questions ?? []) as Values['questions'],
  };
}

function toBody(v: Values, create: boolean, parentCode: string | null) {
  const sla = Object.fromEntries(APPEAL_LEVELS.filter((l) => v.slaOn?.[l] && v.sla?.[l]).map((l) => [l, v.sla[l]]));
  const questions = (v.questions ?? []).map((q) => ({ key: q.key, label: q.label, type: q.type, required: !!q.required, ...(q.type === 'choice' ? { choices: q.choices ?? [] } : {}) }));
  const body = { name: v.name, defaultLevel: v.defaultLevel, department: v.department ?? null, mediation: !!v.mediation, sortOrder: v.sortOrder, sla, questions };
  return create ? { code: v.code, parentCode, ...body } : body;
}

const UNIT_OPTIONS = (t: (zh: string, en: string) => string) => [
  { value: 'hours', label: t('工作小时', 'working hours') },
  { value: 'days', label: t('工作日', 'working days') },
];

/** Add or edit a category: names, where it starts, the SLA per level, the questions residents answer. */
export function CategoryDrawer({ target, onClose }: { target: DrawerTarget; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useApiSubmit(form);
  const create = target.mode === 'create';
  const parent = target.mode === 'create' ? target.parent : undefined;
  const parentCode = target.mode === 'edit' ? target.category.parentCode : (parent?.code ?? null);
  const slaOn = Form.useWatch('slaOn', form);
  const title = create ? (parent ? t(`在“${parent.name.zh}”下添加子类`, `New kind under “${parent.name.en}”`) : t('新建类别', 'New category')) : t(`编辑类别：${target.category.name.zh}`, `Edit category: ${target.category.name.en}`);

  const save = run(async (v: Values) => {
    const path = target.mode === 'edit' ? `/appeal-categories/${target.category.id}` : '/appeal-categories';
    await api(path, { method: create ? 'POST' : 'PATCH', body: toBody(v, create, parentCode) });
    await qc.invalidateQueries({ queryKey: ADMIN_CATEGORIES_KEY });
    await qc.invalidateQueries({ queryKey: ['appeals', 'categories'] });
    onClose();
  });

  return (
    <Drawer
      open
      size={760}
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="category-save">
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      <FormError error={error} />
      <Form<Values> form={form} layout="vertical" size="small" initialValues={initialValues(target)} onFinish={save} data-testid="category-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t('编码', 'Code')} tooltip={t('小写字母、数字和下划线；保存后不能修改', 'Lower-case letters, digits and _; fixed once saved')} rules={create ? [{ required: true, message: t('请填写编码', 'Code is required') }, { pattern: /^[a-z0-9_]{1,60}$/, message: t('只能用小写字母、数字和下划线', 'Lower-case letters, digits and _ only') }] : []}>
              <Input disabled={!create} placeholder="balcony_planters" data-testid="category-code" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['name', 'zh']} label={t('中文名称', 'Name (Chinese)')} rules={[{ required: true, message: t('请填写名称', 'Name is required') }, { max: 100 }]}>
              <Input data-testid="category-name-zh" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['name', 'en']} label={t('英文名称', 'Name (English)')} rules={[{ required: true, message: t('请填写名称', 'Name is required') }, { max: 100 }]}>
              <Input data-testid="category-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="defaultLevel" label={t('起始层级', 'Starts at')} tooltip={t('新诉求先交到哪一级处理', 'Where a new report is handled first')}>
              <Select options={APPEAL_LEVELS.map((l) => ({ value: l, label: t(APPEAL_LEVEL_LABELS[l]) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="department" label={t('职能部门', 'Department')}>
              <Select allowClear placeholder={t('（无）', '(none)')} options={DEPARTMENTS.map((d) => ({ value: d, label: t(DEPARTMENT_LABELS[d]) }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="sortOrder" label={t('排序', 'Order')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="mediation" label={t('可调解', 'Mediation')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {parentCode && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
            {t('上级类别：', 'Parent: ')}
            <Typography.Text code>{parentCode}</Typography.Text>
          </Typography.Paragraph>
        )}

        <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
          {t('办理时限（按工作时间计）', 'SLA targets (working time)')}
        </Divider>
        <Table
          size="small"
          pagination={false}
          rowKey="level"
          dataSource={APPEAL_LEVELS.map((level) => ({ level }))}
          data-testid="category-sla"
          columns={[
            {
              title: t('层级', 'Level'),
              dataIndex: 'level',
              width: 190,
              render: (level: AppealLevel) => (
                <Form.Item name={['slaOn', level]} valuePropName="checked" noStyle>
                  <Checkbox data-testid={`sla-on-${level}`}>{t(APPEAL_LEVEL_LABELS[level])}</Checkbox>
                </Form.Item>
              ),
            },
            ...(['response', 'resolution'] as const).map((kind) => ({
              title: kind === 'response' ? t('响应', 'Response') : t('办结', 'Resolution'),
              key: kind,
              render: (_: unknown, { level }: { level: AppealLevel }) =>
                slaOn?.[level] ? (
                  <Space.Compact>
                    <Form.Item name={['sla', level, kind, 'amount']} noStyle rules={[{ required: true }]}>
                      <InputNumber min={0.5} max={1000} style={{ width: 80 }} aria-label={`${level} ${kind}`} data-testid={`sla-${level}-${kind}-amount`} />
                    </Form.Item>
                    <Form.Item name={['sla', level, kind, 'unit']} noStyle>
                      <Select style={{ width: 110 }} options={UNIT_OPTIONS(t)} aria-label={`${level} ${kind} unit`} />
                    </Form.Item>
                  </Space.Compact>
                ) : (
                  <Typography.Text type="secondary">{t('默认', 'Default')} {durationText(DEFAULT_SLA[level][kind], t)}</Typography.Text>
                ),
            })),
          ]}
        />

        <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
          {t('补充问题（居民反映时回答）', 'Extra questions (residents answer when reporting)')}
        </Divider>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <QuestionEditor key={field.key} name={field.name} onRemove={() => remove(field.name)} />
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', label: { zh: '', en: '' }, type: 'text', required: false })} data-testid="question-add">
                {t('添加问题', 'Add a question')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function QuestionEditor({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['questions', name, 'type'], form);
  return (
    <div style={{ border: '1px solid #eee', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }} data-testid={`question-${name}`}>
      <Row gutter={8}>
        <Col span={5}>
          <Form.Item name={[name, 'key']} label={t('标识', 'Key')} rules={[{ required: true, message: t('必填', 'Required') }, { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('小写字母开头，字母数字下划线', 'a–z first, then a–z 0–9 _') }]}>
            <Input placeholder="floor" data-testid={`question-${name}-key`} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'label', 'zh']} label={t('问题（中文）', 'Question (Chinese)')} rules={[{ required: true, message: t('必填', 'Required') }, { max: 100 }]}>
            <Input data-testid={`question-${name}-zh`} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'label', 'en']} label={t('问题（英文）', 'Question (English)')} rules={[{ required: true, message: t('必填', 'Required') }, { max: 100 }]}>
            <Input data-testid={`question-${name}-en`} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'type']} label={t('类型', 'Type')}>
            <Select
              data-testid={`question-${name}-type`}
              options={[
                { value: 'text', label: t('文字', 'Text') },
                { value: 'number', label: t('数字', 'Number') },
                { value: 'boolean', label: t('是/否', 'Yes/No') },
                { value: 'choice', label: t('单选', 'Choice') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={2}>
          <Form.Item name={[name, 'required']} label={t('必答', 'Req.')} valuePropName="checked">
            <Switch size="small" data-testid={`question-${name}-required`} />
          </Form.Item>
        </Col>
        <Col span={2} style={{ paddingTop: 22 }}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('删除问题', 'Remove question')} />
        </Col>
      </Row>
      {type === 'choice' && (
        <Form.List name={[name, 'choices']}>
          {(choices, { add, remove }) => (
            <div style={{ paddingLeft: 16, marginBottom: 8 }}>
              {choices.map((c) => (
                <Space key={c.key} size={4} style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[c.name, 'key']} noStyle rules={[{ required: true }]}>
                    <Input size="small" placeholder={t('选项标识', 'key')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[c.name, 'zh']} noStyle rules={[{ required: true }]}>
                    <Input size="small" placeholder={t('中文', 'Chinese')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[c.name, 'en']} noStyle rules={[{ required: true }]}>
                    <Input size="small" placeholder={t('英文', 'English')} style={{ width: 150 }} />
                  </Form.Item>
                  <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(c.name)} aria-label={t('删除选项', 'Remove option')} />
                </Space>
              ))}
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', zh: '', en: '' })}>
                {t('添加选项', 'Add an option')}
              </Button>
            </div>
          )}
        </Form.List>
      )}
    </div>
  );
}
