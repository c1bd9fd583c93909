import { useState } from 'react';
import { useMe } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { headAssignments } from '../../resident/resident-api';
import { useBuildingResidents, useDraft, usePlaceChoices } from './report-state';

/**
 * 楼长接待日: a 楼长 writes the report down for a resident of their building. The report then belongs to
 * that resident (they follow it and rate it); the server records who wrote it for whom.
 */
export function OnBehalfPicker() {
  const { t } = useI18n();
  const me = useMe();
  const heads = headAssignments(me.data);
  const { draft, update } = useDraft();
  const { choices } = usePlaceChoices();
  const [open, setOpen] = useState(false);
  const [buildingId, setBuildingId] = useState(heads[0]?.regionId);
  const [q, setQ] = useState('');
  const residents = useBuildingResidents(open ? buildingId : undefined, q.trim());

  if (draft.onBehalf) {
    return (
      <section className="r-card ra-onbehalf" data-testid="ra-onbehalf">
        <p style={{ margin: 0 }}>
          <span className="r-role">{t('楼长接待日', 'Reception day')}</span>
        </p>
        <p style={{ margin: '4px 0 0' }}>{t(`替居民 ${draft.onBehalf.name} 反映`, `Reporting for ${draft.onBehalf.name}`)}</p>
        <button type="button" className="r-btn r-secondary" onClick={() => update({ onBehalf: null, place: choices[0] ?? null })}>
          {t('改为我自己反映', 'Report for myself instead')}
        </button>
      </section>
    );
  }
  if (!open) {
    return (
      <button type="button" className="r-btn r-secondary" style={{ marginTop: 0, marginBottom: 12 }} onClick={() => setOpen(true)} data-testid="ra-onbehalf-open">
        <span aria-hidden="true">🧑‍🤝‍🧑</span> {t('替本楼居民反映（楼长接待日）', 'Report for a resident (reception day)')}
      </button>
    );
  }
  return (
    <section className="r-card ra-onbehalf" data-testid="ra-onbehalf-picker">
      <h2 className="r-card-title">{t('替哪位居民反映？', 'For which resident?')}</h2>
      {heads.length > 1 && (
        <div className="ra-choices ra-choices-row">
          {heads.map((h) => (
            <button key={h.regionId} type="button" className="ra-choice" aria-pressed={h.regionId === buildingId} onClick={() => setBuildingId(h.regionId)}>
              {h.regionName}
            </button>
          ))}
        </div>
      )}
      <label className="ra-label ra-label-small" htmlFor="ra-resident-q">
        {t('姓名', 'Name')}
      </label>
      <input id="ra-resident-q" className="ra-input" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('输入姓名查找', 'Type a name to search')} data-testid="ra-resident-q" />
      <ul className="r-cards" style={{ marginTop: 12 }}>
        {(residents.data ?? []).filter((p) => p.id !== me.data?.personId).map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="ra-choice"
              data-testid="ra-resident"
              onClick={() => {
                update({
                  onBehalf: { personId: p.id, name: p.name, householdId: p.householdId, homeRegionId: p.homeRegionId, homeRegionName: p.homeRegionName ?? null },
                  place: p.householdId ? { kind: 'household', householdId: p.householdId, label: p.homeRegionName ?? '' } : p.homeRegionId ? { kind: 'building', regionId: p.homeRegionId, label: p.homeRegionName ?? '' } : null,
                });
                setOpen(false);
              }}
            >
              {p.name}
              <span className="ra-choice-sub">{[p.homeRegionName, p.phone].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
        {residents.data?.length === 0 && <li className="r-muted">{t('没有找到这位居民', 'No resident found')}</li>}
      </ul>
      <button type="button" className="r-btn r-secondary" onClick={() => setOpen(false)}>
        {t('取消', 'Cancel')}
      </button>
    </section>
  );
}
