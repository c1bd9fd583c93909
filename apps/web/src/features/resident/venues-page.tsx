import { Link, useParams } from 'react-router-dom';
import type { Nearby } from '@shuren/core';
import { useI18n } from '../../shared/i18n';
import { todaysHours, weeklyLines } from './opening-hours';
import { useNearby } from './resident-api';
import { CallButton, ErrorBlock, LoadingBlock, Notice, Screen } from './ui';

type Venue = Nearby['venues'][number];

const DAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const DAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function OpenBadge({ open }: { open: boolean }) {
  const { t } = useI18n();
  return <span className={`r-badge ${open ? 'r-open' : 'r-closed'}`}>{open ? t('正在开放', 'Open now') : t('现在关闭', 'Closed now')}</span>;
}

/** Venues of my community, open ones first; each card leads to its hours and rooms. */
export function VenuesPage() {
  const { t } = useI18n();
  const q = useNearby();
  const venues = [...(q.data?.venues ?? [])].sort((a, b) => Number(b.openNow) - Number(a.openNow) || a.name.localeCompare(b.name, 'zh'));
  return (
    <Screen title={t('附近场地', 'Places near me')} back="/r" testId="r-venues">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && (
        <>
          {q.data.community && <p className="r-lead">{t(`${q.data.community.name}的活动场地`, `Places in ${q.data.community.name}`)}</p>}
          {venues.length === 0 ? (
            <Notice icon="🏛️" title={t('暂无登记的场地', 'No places registered yet')} />
          ) : (
            <ul className="r-cards">
              {venues.map((v) => (
                <li key={v.id} className="r-card" data-testid="venue-card">
                  <Link to={`/r/venues/${v.id}`} className="r-card-link">
                    <span className="r-role">{t(v.kindLabel)}</span>
                    <h2 className="r-card-title">{v.name}</h2>
                    <OpenBadge open={v.openNow} /> <TodayLine venue={v} />
                    {v.address && <p style={{ margin: '6px 0 0' }}>{v.address}</p>}
                    <p className="r-muted" style={{ margin: '6px 0 0' }}>
                      {v.rooms.length > 0 ? t(`${v.rooms.length} 个活动室 ›`, `${v.rooms.length} rooms ›`) : t('查看详情 ›', 'Details ›')}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Screen>
  );
}

function TodayLine({ venue }: { venue: Venue }) {
  const { t } = useI18n();
  const today = todaysHours(venue.openingHours);
  if (venue.openingHours.length === 0) return <span className="r-muted">{t('开放时间未登记', 'Hours not listed')}</span>;
  if (today.length === 0) return <span className="r-muted">{t('今天不开放', 'Closed today')}</span>;
  return <span>{t('今天', 'Today')} {today.map((h) => `${h.opens}–${h.closes}`).join(', ')}</span>;
}

/** One venue: when it is open through the week, its rooms, how to get in touch. */
export function VenueDetailPage() {
  const { t, lang } = useI18n();
  const { venueId } = useParams();
  const q = useNearby();
  const v = q.data?.venues.find((x) => x.id === venueId);
  const days = lang === 'zh' ? DAYS_ZH : DAYS_EN;
  return (
    <Screen title={v?.name ?? t('场地', 'Place')} back="/r/venues" testId="r-venue">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && !v && (
        <Notice icon="🔎" title={t('找不到这个场地', 'Place not found')}>
          <Link className="r-btn" to="/r/venues">
            {t('看看其他场地', 'See other places')}
          </Link>
        </Notice>
      )}
      {v && (
        <>
          <section className="r-card">
            <span className="r-role">{t(v.kindLabel)}</span> <OpenBadge open={v.openNow} />
            {v.address && <p style={{ margin: '8px 0 0' }}>{v.address}</p>}
            {v.phone && <CallButton phone={v.phone} name={v.name} testId="call-venue" />}
          </section>
          <h2>{t('开放时间', 'Opening hours')}</h2>
          <section className="r-card" data-testid="venue-hours">
            {v.openingHours.length === 0 ? (
              <p style={{ margin: 0 }}>{t('开放时间未登记，请先电话咨询。', 'Hours are not listed; please call first.')}</p>
            ) : (
              <dl className="r-dl" style={{ marginTop: 0 }}>
                {weeklyLines(v.openingHours).map((l) => (
                  <div key={l.from} style={{ display: 'contents' }}>
                    <dt>{l.from === l.to ? days[l.from] : `${days[l.from]}${lang === 'zh' ? '至' : '–'}${days[l.to]}`}</dt>
                    <dd>{l.slots}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <h2>{t('活动室', 'Rooms')}</h2>
          {v.rooms.length === 0 ? (
            <p className="r-muted">{t('暂无登记的活动室。', 'No rooms listed.')}</p>
          ) : (
            <ul className="r-cards" data-testid="venue-rooms">
              {v.rooms.map((r) => (
                <li key={r.id} className="r-card">
                  <h3>{r.name}</h3>
                  {r.capacity !== null && <p style={{ margin: 0 }}>{t(`可容纳 ${r.capacity} 人`, `Holds ${r.capacity} people`)}</p>}
                  {r.description && <p className="r-muted" style={{ margin: '4px 0 0' }}>{r.description}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Screen>
  );
}

/** Organisations of my community, grouped by kind (no member data: the API sends counts only). */
export function OrganisationsPage() {
  const { t } = useI18n();
  const q = useNearby();
  const groups = new Map<string, Nearby['organisations']>();
  for (const o of q.data?.organisations ?? []) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
  return (
    <Screen title={t('社区组织', 'Groups near me')} back="/r" testId="r-organisations">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && groups.size === 0 && <Notice icon="🤝" title={t('暂无登记的组织', 'No groups registered yet')} />}
      {[...groups.entries()].map(([kind, orgs]) => (
        <section key={kind} data-testid={`org-group-${kind}`}>
          <h2>{t(orgs[0].kindLabel)}</h2>
          <ul className="r-cards">
            {orgs.map((o) => (
              <li key={o.id} className="r-card">
                <h3>{o.name}</h3>
                <p className="r-muted" style={{ margin: 0 }}>
                  {t(`${o.memberCount} 位成员`, `${o.memberCount} members`)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {q.data && groups.size > 0 && <p className="r-muted">{t('想加入？请联系您的楼长或社区居委会。', 'Want to join? Ask your building head or the community office.')}</p>}
    </Screen>
  );
}
