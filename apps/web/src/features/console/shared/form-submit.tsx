import { useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import { applyApiErrors } from './form-errors';

/**
 * A console form's send: busy while the API answers, the API's field errors next to the fields, the rest (a 409, a
 * field the form does not show) in `error` for `<FormError>` above the form. `run(send)` is the form's `onFinish`.
 */
export function useApiSubmit(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run =
    <V,>(send: (values: V) => Promise<unknown>) =>
    async (values: V) => {
      setBusy(true);
      setError(null);
      try {
        await send(values);
      } catch (e) {
        setError(applyApiErrors(form, e));
      } finally {
        setBusy(false);
      }
    };
  return { busy, error, run };
}

/** What the API refused that no field shows, above the form. */
export function FormError({ error }: { error: string | null }) {
  return error ? <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="form-error" /> : null;
}
