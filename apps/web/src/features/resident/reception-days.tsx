import { useQuery } from '@tanstack/react-query';
import type { MyReceptionDays, ReceptionSchedule, ReceptionSession } from '@shuren/core';
import { api } from '../../shared/api';
import { useMe } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { ErrorBlock, LoadingBlock } from './ui';

// Type-only imports from @shuren/core (the phone bundle stays free of the schema library), so labels live here.
const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const big = { fontSize: 24, fontWeight: 700, lineHeight: 1.35, margin: 0 } as const;

function useRegionReceptionDays(regionId: string | undefined) {
  return useQuery({ queryKey: ['reception-days', regionId], enabled: !!regionId, queryFn: () => api<ReceptionSchedule>('/reception-days', { query: { regionId } }) });
}

function useMyReceptionDays() {
  return useQuery({ queryKey: ['me', 'reception-days'], queryFn: () => api<MyReceptionDays>('/me/reception-days') });
}

/** "3月7日 周六" in Chinese, "Sat 7 Mar" in English; the date is already a Shanghai calendar day. */
function dayLabel(s: ReceptionSession, lang: string) {
  const [, m, d] = s.date.split('-').map(Number);
  return lang === 'zh' ? `${m}月${d}日 ${WEEKDAY[s.weekday]}` : `${WEEKDAY_EN[s.weekday]} ${d}/${m}`;
}

function Sessions({ schedule, testId, emptyText }: { schedule: ReceptionSchedule; testId: string; emptyText: string }) {
  const { t, lang } = useI18n();
  const cancelled = schedule.slots.flatMap((s) => s.cancelledSessions.map((c) => ({ ...c, place: s.place, slotId: s.id })));
  return (
    <>
      {schedule.upcoming.length === 0 ? (
        <p className="r-muted">{emptyText}</p>
      ) : (
        <ul className="r-cards" data-testid={testId}>
          {schedule.upcoming.map((s) => (
            <li key={`${s.slotId}-${s.date}`} className="r-card" data-testid="reception-session">
              <p style={big}>{dayLabel(s, lang)}</p>
              <p style={big}>
                {s.startTime}–{s.endTime}
              </p>
              <p style={{ margin: '4px 0 0', fontSize: 20 }}>📍 {s.place}</p>
              <p className="r-muted" style={{ margin: '4px 0 0' }}>
                {t(`${s.regionName} · ${s.holderName}`, `${s.regionName} · ${s.holderName}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {cancelled.map((c) => (
        <p key={`${c.slotId}-${c.date}`} className="r-card" role="note" data-testid="reception-cancelled">
          {t(`${c.date} 的接待暂停：${c.reason}`, `No reception on ${c.date}: ${c.reason}`)}
        </p>
      ))}
    </>
  );
}

/** On a 楼长's building page: the building's reception days, "我的接待日" when I hold them. */
export function BuildingReceptionDays({ regionId }: { regionId: string | undefined }) {
  const { t } = useI18n();
  const me = useMe();
  const q = useRegionReceptionDays(regionId);
  const mine = !!q.data?.slots.some((s) => s.holder.personId === me.data?.personId);
  return (
    <section aria-labelledby="reception-days-title" data-testid="building-reception-days">
      <h2 id="reception-days-title">{mine ? t('我的接待日', 'My reception days') : t('楼长接待日', 'Reception days')}</h2>
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && <Sessions schedule={q.data} testId="reception-upcoming" emptyText={t('还没有安排接待日。', 'No reception days scheduled yet.')} />}
    </section>
  );
}

/** On "我的楼长": when the 楼长 (and 巷长/街长) of my home receive residents. */
export function HomeReceptionDays() {
  const { t } = useI18n();
  const q = useMyReceptionDays();
  return (
    <section aria-labelledby="home-reception-title" data-testid="home-reception-days">
      <h2 id="home-reception-title">{t('楼长接待日', 'When my building head receives')}</h2>
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && (
        <Sessions schedule={q.data.forMyHome} testId="home-reception-upcoming" emptyText={t('您的楼长还没有安排接待日，可以直接打电话。', 'Your building head has no reception days scheduled; you can call instead.')} />
      )}
    </section>
  );
}
