import type { FormInstance } from 'antd';
import { formFieldErrors, isApiError } from '../../../shared/api';

/**
 * Puts the API's field errors next to the fields (`/body/name` → field `name`) and returns a message
 * for everything else (a 409, a field the form does not show), to show above the form.
 */
export function applyApiErrors(form: FormInstance, err: unknown): string | null {
  if (!isApiError(err)) return String((err as Error)?.message ?? err);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const placed = formFieldErrors(err).filter((f) => registered.has(f.name.join('.')));
  if (placed.length) form.setFields(placed as any);
  const placedPaths = new Set(placed.map((p) => `/body/${p.name.join('/')}`));
  const rest = err.fieldErrors.filter((fe) => !placedPaths.has(fe.field));
  if (placed.length && !rest.length) return null;
  return [err.message, ...rest.map((u) => `${u.field.replace(/^\/body\//, '')}: ${u.message}`)].join('；');
}
