import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { Members } from './household-page';
import { BuildingReceptionDays } from './reception-days';
import { useBuildingHouseholds, useHousehold, useRegion } from './resident-api';
import { ErrorBlock, LoadingBlock, Notice, Screen } from './ui';

const byRoom = (a: { room: string }, b: { room: string }) => a.room.localeCompare(b.room, 'zh', { numeric: true });

/**
 * A 楼长's building: every household as a card (room, address, how many live there). The server decides
 * who may see it — another building answers 403 and the page says "no access" in plain words.
 */
export function BuildingPage() {
  const { t } = useI18n();
  const { regionId } = useParams();
  const region = useRegion(regionId);
  const households = useBuildingHouseholds(region.data ? regionId : undefined);
  const total = households.data?.reduce((s, h) => s + h.memberCount, 0) ?? 0;
  return (
    <Screen title={region.data?.name ?? t('我的楼栋', 'My building')} back="/r" testId="r-building">
      {(region.isPending || (region.data && households.isPending)) && <LoadingBlock />}
      {region.isError && <ErrorBlock error={region.error} retry={() => region.refetch()} />}
      {households.isError && <ErrorBlock error={households.error} retry={() => households.refetch()} />}
      {households.data && (
        <>
          <p className="r-lead" data-testid="building-summary">
            {t(`共 ${households.data.length} 户，${total} 位居民`, `${households.data.length} households, ${total} residents`)}
          </p>
          <BuildingReceptionDays regionId={regionId} />
          {households.data.length === 0 ? (
            <Notice icon="🏢" title={t('这栋楼还没有登记住户', 'No households registered in this building')} />
          ) : (
            <ul className="r-cards">
              {[...households.data].sort(byRoom).map((h) => (
                <li key={h.id} className="r-card" data-testid="household-item">
                  <Link to={`/r/building/${regionId}/households/${h.id}`} className="r-card-link">
                    <h2 className="r-card-title">{t(`${h.room} 室`, `Room ${h.room}`)}</h2>
                    <p style={{ margin: 0 }}>{h.address}</p>
                    <p className="r-muted" style={{ margin: '4px 0 0' }}>
                      {t(`${h.memberCount} 位居民 ›`, `${h.memberCount} residents ›`)}
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

/** One household of the building: its residents, phones masked unless the API reveals them. */
export function BuildingHouseholdPage() {
  const { t } = useI18n();
  const { regionId, householdId } = useParams();
  const q = useHousehold(householdId);
  return (
    <Screen title={q.data ? t(`${q.data.room} 室`, `Room ${q.data.room}`) : t('住户', 'Household')} back={`/r/building/${regionId}`} testId="r-building-household">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && (
        <>
          <section className="r-card">
            <h2 style={{ marginTop: 0 }}>{q.data.address}</h2>
            <dl className="r-dl">
              <dt>{t('房号', 'Room')}</dt>
              <dd>{q.data.room}</dd>
              <dt>{t('所在', 'In')}</dt>
              <dd>{q.data.regionName}</dd>
              <dt>{t('人数', 'Residents')}</dt>
              <dd>{q.data.memberCount}</dd>
            </dl>
          </section>
          <h2>{t('居民', 'Residents')}</h2>
          <Members household={q.data} />
        </>
      )}
    </Screen>
  );
}
