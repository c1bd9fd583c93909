import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { formFieldErrors, isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';

/** Field errors keyed by field name: `{ phone: '…' }`. Client checks and the API's `/body/<field>` errors share it. */
export type FieldErrors = Partial<Record<string, string>>;

/** The API's field errors (problem+json `errors`) for this form, first message per field. */
export function apiFieldErrors(e: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const f of formFieldErrors(e)) {
    const k = String(f.name[0]);
    if (!out[k]) out[k] = f.errors[0];
  }
  return out;
}

/** The message shown above the form when a call fails. */
export function failureMessage(e: unknown, fallback: string): string {
  return isApiError(e) ? e.message : fallback;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/**
 * A labelled input: a visible <label for>, the error tied to the input with aria-describedby, and
 * aria-invalid so a screen reader announces which field needs attention. `after` sits beside the input
 * (the "get code" or "show password" button).
 */
export function Field({ id, label, value, onChange, error, hint, after, ...rest }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; after?: ReactNode } & InputProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      {...rest}
      id={id}
      name={id}
      className="a-input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={described}
    />
  );
  return (
    <div className="a-field">
      <label htmlFor={id}>{label}</label>
      {after ? <div className="a-row">{input}{after}</div> : input}
      {hint && <p className="a-hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="a-err" id={`${id}-error`} data-testid={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** A password input with a "show" button (typing a password blind on a phone is hard for older hands). */
export function PasswordField(props: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; autoComplete: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <Field
      {...props}
      type={shown ? 'text' : 'password'}
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      maxLength={200}
      after={
        <button type="button" className="a-toggle" aria-pressed={shown} aria-controls={props.id} onClick={() => setShown((s) => !s)}>
          {t('显示', 'Show')}
        </button>
      }
    />
  );
}
