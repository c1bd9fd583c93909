import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { FormError, useApiSubmit } from './form-submit';

/**
 * A modal form that sends one command to the API and shows its answer in place: field errors on the
 * fields, anything else above the form. `toBody` turns form values into the request body.
 */
export function CommandModal<V extends Record<string, any>>({
  title,
  path,
  method = 'POST',
  initialValues,
  toBody,
  invalidate,
  onClose,
  okText,
  danger,
  children,
}: {
  title: string;
  path: string;
  method?: 'POST' | 'PATCH' | 'PUT';
  initialValues?: Partial<V>;
  toBody: (v: V) => unknown;
  invalidate: string[][];
  onClose: () => void;
  okText?: string;
  danger?: boolean;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const qc = useQueryClient();
  const { busy, error, run } = useApiSubmit(form);
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={okText ?? t('保存', 'Save')} okButtonProps={{ danger }} destroyOnHidden>
      <FormError error={error} />
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={run(async (v: V) => {
          await api(path, { method, body: toBody(v) });
          await Promise.all(invalidate.map((k) => qc.invalidateQueries({ queryKey: k })));
          onClose();
        })}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

/** Drops empty strings and undefined, trims text: the API treats absent and empty differently. */
export function compact(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === '' || val === null) continue;
    out[k] = typeof val === 'string' ? val.trim() : val && typeof val === 'object' && 'format' in (val as object) ? (val as { format: (f: string) => string }).format('YYYY-MM-DD') : val;
  }
  return out;
}
