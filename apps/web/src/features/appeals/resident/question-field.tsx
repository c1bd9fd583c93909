import { useI18n } from '../../../shared/i18n';
import type { AppealCategory } from '../appeals-api';

type Question = AppealCategory['questions'][number];
type Answer = string | number | boolean;

/** A category's extra question as big buttons (choices, yes/no) or a plain field (text, number). */
export function QuestionField({ question: q, value, invalid, onChange }: { question: Question; value: Answer | undefined; invalid: boolean; onChange: (v: Answer) => void }) {
  const { t } = useI18n();
  const id = `ra-q-${q.key}`;
  const label = `${t(q.label)}${q.required ? '' : t('（可不填）', ' (optional)')}`;
  const error = invalid && (
    <p className="ra-error" role="alert">
      {t('请回答这个问题', 'Please answer this question')}
    </p>
  );
  if (q.type === 'choice' || q.type === 'boolean') {
    const options: { key: Answer; label: string }[] =
      q.type === 'boolean' ? [{ key: true, label: t('是', 'Yes') }, { key: false, label: t('否', 'No') }] : (q.choices ?? []).map((c) => ({ key: c.key, label: t(c) }));
    return (
      <fieldset className="ra-fieldset" data-testid={id}>
        <legend className="ra-label">{label}</legend>
        <div className="ra-choices ra-choices-row">
          {options.map((o) => (
            <button key={String(o.key)} type="button" className="ra-choice" aria-pressed={value === o.key} onClick={() => onChange(o.key)}>
              {o.label}
            </button>
          ))}
        </div>
        {error}
      </fieldset>
    );
  }
  return (
    <div>
      <label className="ra-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="ra-input"
        inputMode={q.type === 'number' ? 'numeric' : undefined}
        value={value === undefined ? '' : String(value)}
        maxLength={500}
        aria-invalid={invalid}
        onChange={(e) => {
          const v = e.target.value;
          onChange(q.type === 'number' ? (v.trim() === '' || Number.isNaN(Number(v)) ? v : Number(v)) : v);
        }}
        data-testid={id}
      />
      {error}
    </div>
  );
}
