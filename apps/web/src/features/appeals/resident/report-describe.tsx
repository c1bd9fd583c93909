import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { useMe } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { headAssignments } from '../../resident/resident-api';
import { ErrorBlock, Screen } from '../../resident/ui';
import type { AppealSummary } from '../appeals-api';
import { categoryIcon } from '../appeal-labels';
import { OnBehalfPicker } from './on-behalf-picker';
import { LocationPicker } from './location-picker';
import { PhotoPicker } from './photo-picker';
import { QuestionField } from './question-field';
import { apiPoint, useDraft, usePlaceChoices, type Place } from './report-state';

const samePlace = (a: Place | null, b: Place) => !!a && a.kind === b.kind && a.householdId === b.householdId && a.regionId === b.regionId;

/** Screen 2 of 3: describe it, say where ("my household" is the first choice), see whether neighbours already reported it. */
export function DescribeScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const { draft, update } = useDraft();
  const { choices } = usePlaceChoices();
  const [tried, setTried] = useState(false);
  const isHead = headAssignments(me.data).length > 0;

  // One tap away: when nothing is chosen yet, the first choice (my household) is.
  useEffect(() => {
    if (!draft.place && !draft.onBehalf && choices[0]) update({ place: choices[0] });
  }, [draft.place, draft.onBehalf, choices, update]);

  if (!draft.category) return <Navigate to="/r/appeals/new" replace />;
  const category = draft.category;
  const missing = [
    !draft.description.trim() && 'description',
    !draft.place && 'place',
    ...category.questions.filter((q) => q.required && (draft.answers[q.key] === undefined || draft.answers[q.key] === '')).map((q) => q.key),
  ].filter(Boolean) as string[];

  const next = () => {
    setTried(true);
    if (missing.length === 0) navigate('/r/appeals/new/confirm');
  };

  return (
    <Screen title={t('说说情况', 'Describe it')} back="/r/appeals/new" testId="ra-describe">
      <p className="r-lead">
        <span className="ra-step">{t('第 2 步，共 3 步', 'Step 2 of 3')}</span>
        <span aria-hidden="true">{categoryIcon(category.code)} </span>
        {t(category.name)}
      </p>

      {isHead && <OnBehalfPicker />}

      <label className="ra-label" htmlFor="ra-description">
        {t('发生了什么？', 'What is happening?')}
      </label>
      <textarea
        id="ra-description"
        className="ra-input ra-textarea"
        rows={5}
        maxLength={5000}
        value={draft.description}
        onChange={(e) => update({ description: e.target.value })}
        placeholder={t('例如：1栋楼梯间被杂物和电动车堵住了', 'e.g. the stairwell of building 1 is blocked by bikes and boxes')}
        aria-invalid={tried && missing.includes('description')}
        aria-describedby={tried && missing.includes('description') ? 'ra-description-error' : undefined}
        data-testid="ra-description"
      />
      {tried && missing.includes('description') && (
        <p className="ra-error" id="ra-description-error" role="alert">
          {t('请写一句话说明情况', 'Please say in a sentence what is happening')}
        </p>
      )}

      {category.questions.map((q) => (
        <QuestionField key={q.key} question={q} value={draft.answers[q.key]} invalid={tried && missing.includes(q.key)} onChange={(v) => update({ answers: { ...draft.answers, [q.key]: v } })} />
      ))}

      <fieldset className="ra-fieldset">
        <legend className="ra-label">{t('在哪里？', 'Where?')}</legend>
        {draft.onBehalf ? (
          <p className="r-card" data-testid="ra-place-onbehalf">
            {t(`${draft.onBehalf.name}的住处：`, `${draft.onBehalf.name}'s home: `)}
            {draft.place?.label ?? draft.onBehalf.homeRegionName ?? '—'}
          </p>
        ) : (
          <div className="ra-choices">
            {choices.map((c) => (
              <button key={`${c.kind}-${c.householdId ?? c.regionId}`} type="button" className="ra-choice" aria-pressed={samePlace(draft.place, c)} onClick={() => update({ place: c })} data-testid={`ra-place-${c.kind}`}>
                <span aria-hidden="true">{c.kind === 'household' ? '🏠' : '🏢'}</span> {c.kind === 'household' ? t('我家', 'My household') : t('我住的楼', 'My building')}
                <span className="ra-choice-sub">{c.label}</span>
              </button>
            ))}
            {choices.length === 0 && <p className="r-muted">{t('您还没有登记住址，请联系楼长或社区登记。', 'Your address is not registered yet; ask your building head or community office.')}</p>}
          </div>
        )}
        <label className="ra-label ra-label-small" htmlFor="ra-location">
          {t('具体位置（可不填）', 'Exact spot (optional)')}
        </label>
        <input id="ra-location" className="ra-input" maxLength={200} value={draft.locationText} onChange={(e) => update({ locationText: e.target.value })} placeholder={t('例如：2楼楼梯口', 'e.g. 2nd floor landing')} data-testid="ra-location" />
        <LocationPicker value={draft.point} onChange={(point) => update({ point })} />
      </fieldset>

      {category.mediation && <MediationOffer value={draft.mediation} onChange={(mediation) => update({ mediation })} />}

      <PhotoPicker ids={draft.photoIds} onChange={(photoIds) => update({ photoIds })} />

      <Duplicates />

      {tried && missing.length > 0 && (
        <p className="ra-error" role="alert" data-testid="ra-missing">
          {t('还有内容没有填写，请检查上面标红的地方。', 'Something is missing: please check the items marked above.')}
        </p>
      )}
      <button type="button" className="r-btn" onClick={next} data-testid="ra-next">
        {t('下一步：确认', 'Next: check and send')}
      </button>
    </Screen>
  );
}

/**
 * Open reports of the same category at the same building, or within ~100 m of the point the resident shared:
 * following one (+1) is better than a second report.
 */
function Duplicates() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { draft } = useDraft();
  const place = draft.place;
  const body = draft.category && place ? { categoryCode: draft.category.code, ...(place.householdId ? { householdId: place.householdId } : { regionId: place.regionId }), ...apiPoint(draft.point) } : null;
  const dups = useQuery({
    queryKey: ['appeals', 'duplicates', body],
    enabled: !!body,
    queryFn: () => api<{ items: AppealSummary[] }>('/appeals/duplicates', { body }).then((r) => r.items),
  });
  const follow = useMutation({
    mutationFn: (a: AppealSummary) => api(`/appeals/${a.id}/follow`, { method: 'POST' }).then(() => a),
    onSuccess: (a) => navigate(`/r/appeals/track/${a.trackingCode}?followed=1`),
  });
  if (!dups.data?.length) return null;
  return (
    <section className="ra-dups" data-testid="ra-duplicates" aria-labelledby="ra-dups-title">
      <h2 id="ra-dups-title">{t('邻居已经反映过类似的事', 'A neighbour already reported something similar')}</h2>
      <p className="r-muted" style={{ marginTop: 0 }}>
        {t('如果是同一件事，关注它就行，办理进展会通知您。', 'If it is the same matter, follow it: you will be told how it goes.')}
      </p>
      <ul className="r-cards">
        {dups.data.map((a) => (
          <li key={a.id} className="r-card" data-testid="ra-duplicate">
            <p style={{ margin: 0 }}>{a.description}</p>
            <p className="r-muted" style={{ margin: '4px 0 0' }}>
              {a.placeName} · {t(`${a.followerCount + 1} 人关注`, `${a.followerCount + 1} following`)}
            </p>
            <button type="button" className="r-btn r-secondary" disabled={follow.isPending} onClick={() => follow.mutate(a)} data-testid="ra-follow">
              {t('是同一件事，关注这一条（+1）', 'Same matter — follow this one (+1)')}
            </button>
          </li>
        ))}
      </ul>
      {follow.isError && <ErrorBlock error={follow.error} />}
    </section>
  );
}

/**
 * People's mediation (人民调解) for disputes between neighbours — noise, pets, parking…: opt-in. A mediator or the
 * 楼长 hears both sides and helps them agree, before or instead of anyone being told off.
 */
function MediationOffer({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <section className="ra-mediation" aria-labelledby="ra-mediation-title" data-testid="ra-mediation">
      <h2 id="ra-mediation-title" className="ra-label" style={{ marginTop: 0 }}>
        <span aria-hidden="true">🤝 </span>
        {t('邻里之间的事，可以先调解', 'Between neighbours, mediation can come first')}
      </h2>
      <p style={{ margin: '0 0 8px' }}>
        {t('调解员或楼长会上门，分别听双方说，帮大家商量出办法。免费，您可以随时不再调解。', 'A mediator or the building head visits, hears each side and helps you agree. It is free, and you can stop at any time.')}
      </p>
      <button type="button" className="ra-choice" aria-pressed={value} onClick={() => onChange(!value)} data-testid="ra-mediation-toggle">
        <span aria-hidden="true">{value ? '☑️' : '⬜'} </span>
        {t('愿意请调解员/楼长先上门调解', 'I would like a mediator or the building head to visit first')}
      </button>
    </section>
  );
}
