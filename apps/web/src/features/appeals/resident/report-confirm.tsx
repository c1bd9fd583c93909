import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { ErrorBlock, Screen } from '../../resident/ui';
import type { CreatedAppeal } from '../appeals-api';
import { categoryIcon } from '../appeal-labels';
import { photoThumb } from '../photos';
import { apiPoint, useDraft, type Draft } from './report-state';

function toBody(d: Draft) {
  const answers = Object.fromEntries(Object.entries(d.answers).filter(([, v]) => v !== ''));
  return {
    categoryCode: d.category!.code,
    description: d.description.trim(),
    ...(d.place?.householdId ? { householdId: d.place.householdId } : { regionId: d.place?.regionId }),
    ...(d.locationText.trim() ? { locationText: d.locationText.trim() } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(d.onBehalf ? { onBehalfOfPersonId: d.onBehalf.personId } : {}),
    ...(d.photoIds.length ? { photoRefs: d.photoIds } : {}),
    ...(d.category!.mediation ? { mediation: d.mediation } : {}),
    ...apiPoint(d.point),
  };
}

/** "ABCDE12345" → "ABCDE 12345": read aloud over the phone in two halves. */
export function spacedCode(code: string): string {
  return code.length > 5 ? `${code.slice(0, 5)} ${code.slice(5)}` : code;
}

/** Screen 3 of 3: read it back, send it; the answer is the tracking code, shown large. */
export function ConfirmScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { draft, reset } = useDraft();
  const [created, setCreated] = useState<CreatedAppeal | null>(null);
  const submit = useMutation({
    mutationFn: () => api<CreatedAppeal>('/appeals', { body: toBody(draft) }),
    onSuccess: (c) => {
      setCreated(c);
      reset();
      void qc.invalidateQueries({ queryKey: ['appeals', 'mine'] });
    },
  });

  if (created) return <Done created={created} />;
  if (!draft.category) return <Navigate to="/r/appeals/new" replace />;
  const c = draft.category;
  const answerText = (key: string) => {
    const q = c.questions.find((x) => x.key === key);
    const v = draft.answers[key];
    if (typeof v === 'boolean') return v ? t('是', 'Yes') : t('否', 'No');
    const choice = q?.choices?.find((x) => x.key === v);
    return choice ? t(choice) : String(v);
  };
  return (
    <Screen title={t('确认提交', 'Check and send')} back="/r/appeals/new/describe" testId="ra-confirm">
      <p className="r-lead">
        <span className="ra-step">{t('第 3 步，共 3 步', 'Step 3 of 3')}</span>
        {t('请核对，没问题就提交。', 'Please check, then send.')}
      </p>
      <section className="r-card">
        <dl className="r-dl">
          <dt>{t('类别', 'Category')}</dt>
          <dd data-testid="ra-confirm-category">
            <span aria-hidden="true">{categoryIcon(c.code)} </span>
            {t(c.name)}
          </dd>
          <dt>{t('情况', 'What')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{draft.description}</dd>
          {Object.keys(draft.answers).filter((k) => draft.answers[k] !== '').map((k) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{t(c.questions.find((q) => q.key === k)?.label ?? { zh: k, en: k })}</dt>
              <dd>{answerText(k)}</dd>
            </div>
          ))}
          <dt>{t('地点', 'Where')}</dt>
          <dd>
            {draft.place?.label}
            {draft.locationText.trim() && ` · ${draft.locationText.trim()}`}
            {draft.point && (
              <span className="ra-choice-sub" data-testid="ra-confirm-point">
                <span aria-hidden="true">📍 </span>
                {t(`含位置（约 ${draft.point.accuracy} 米精度）`, `With your location (about ${draft.point.accuracy} m)`)}
              </span>
            )}
          </dd>
          {draft.photoIds.length > 0 && (
            <>
              <dt>{t('照片', 'Photos')}</dt>
              <dd>
                <ul className="ra-thumbs">
                  {draft.photoIds.map((id, i) => (
                    <li key={id}>
                      <img src={photoThumb(id)} alt={t(`照片 ${i + 1}`, `Photo ${i + 1}`)} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {c.mediation && (
            <>
              <dt>{t('调解', 'Mediation')}</dt>
              <dd data-testid="ra-confirm-mediation">{draft.mediation ? t('愿意先请调解员/楼长上门调解', 'Yes, a mediator or the building head visits first') : t('不需要调解', 'No mediation')}</dd>
            </>
          )}
          {draft.onBehalf && (
            <>
              <dt>{t('反映人', 'For')}</dt>
              <dd>{t(`${draft.onBehalf.name}（楼长代为反映）`, `${draft.onBehalf.name} (written down by the building head)`)}</dd>
            </>
          )}
        </dl>
      </section>
      {submit.isError && <ErrorBlock error={submit.error} />}
      <button type="button" className="r-btn" disabled={submit.isPending} aria-disabled={submit.isPending} onClick={() => submit.mutate()} data-testid="ra-submit">
        {submit.isPending ? t('正在提交…', 'Sending…') : t('提交', 'Send')}
      </button>
      <button type="button" className="r-btn r-secondary" onClick={() => navigate('/r/appeals/new/describe')}>
        {t('返回修改', 'Go back and change')}
      </button>
    </Screen>
  );
}

function Done({ created }: { created: CreatedAppeal }) {
  const { t } = useI18n();
  return (
    <Screen title={t('已提交', 'Sent')} back="/r" testId="ra-done">
      <section className="r-notice" role="status">
        <div className="r-notice-icon" aria-hidden="true">
          ✅
        </div>
        <h2>{t('您的反映已提交', 'Your report has been sent')}</h2>
        <p style={{ margin: 0 }}>{t('查询码', 'Tracking code')}</p>
        <p className="ra-code" data-testid="ra-tracking-code" aria-label={created.trackingCode.split('').join(' ')}>
          {spacedCode(created.trackingCode)}
        </p>
        <p className="r-muted">{t('请记下查询码，凭它可随时查看办理进度。有进展会通知您。', 'Keep this code to check progress at any time. You will be told when something happens.')}</p>
      </section>
      <Link className="r-btn" to={`/r/appeals/track/${created.trackingCode}`} data-testid="ra-open-track">
        {t('查看办理进度', 'See progress')}
      </Link>
      <Link className="r-btn r-secondary" to="/r/appeals">
        {t('我的反映', 'My reports')}
      </Link>
    </Screen>
  );
}
