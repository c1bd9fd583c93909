import type { Household } from '@shuren/core';
import { isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useHousehold, useNeighbourhood } from './resident-api';
import { ErrorBlock, LoadingBlock, Notice, Screen } from './ui';

const RELATION: Record<string, { zh: string; en: string }> = {
  head: { zh: '户主', en: 'Head of household' },
  owner: { zh: '业主', en: 'Owner' },
  tenant: { zh: '租户', en: 'Tenant' },
  member: { zh: '家庭成员', en: 'Member' },
};

/** My household: address, where it sits in the grid, and who lives there (phones masked as the API sends them). */
export function HouseholdPage() {
  const { t } = useI18n();
  const n = useNeighbourhood();
  const h = n.data?.household;
  const detail = useHousehold(h?.id);
  // Reading the member list is the household module's call; without it the address alone is still useful.
  const membersRefused = detail.isError && isApiError(detail.error) && detail.error.status >= 400 && detail.error.status < 500;
  const chain = (n.data?.regions ?? []).filter((r) => r.level !== 'subdistrict').slice().reverse();
  return (
    <Screen title={t('我的家', 'My household')} back="/r" testId="r-household">
      {n.isPending && <LoadingBlock />}
      {n.isError && <ErrorBlock error={n.error} retry={() => n.refetch()} />}
      {n.data && !h && (
        <Notice icon="🏠" title={t('还没有登记住户', 'No household on record')}>
          <p>{t('您的账号还没有关联住户。请带上身份证到社区居委会登记。', 'Your account is not linked to a household yet. Please bring your ID card to the community office.')}</p>
        </Notice>
      )}
      {h && (
        <>
          <section className="r-card" data-testid="household-card">
            <h2 style={{ marginTop: 0 }}>{h.address}</h2>
            <dl className="r-dl">
              <dt>{t('房号', 'Room')}</dt>
              <dd>{h.room}</dd>
              {h.relation && (
                <>
                  <dt>{t('我是', 'I am')}</dt>
                  <dd>{t(RELATION[h.relation] ?? { zh: h.relation, en: h.relation })}</dd>
                </>
              )}
              {chain.length > 0 && (
                <>
                  <dt>{t('所属', 'Area')}</dt>
                  <dd>{chain.map((r) => r.name).join(' › ')}</dd>
                </>
              )}
            </dl>
          </section>
          <h2>{t('家庭成员', 'Family members')}</h2>
          {detail.isPending && <LoadingBlock />}
          {detail.data && <Members household={detail.data} />}
          {detail.isError && !membersRefused && <ErrorBlock error={detail.error} retry={() => detail.refetch()} />}
          {membersRefused && <p className="r-muted">{t('家庭成员信息请到社区居委会查询。', 'Please ask the community office about household members.')}</p>}
        </>
      )}
    </Screen>
  );
}

export function Members({ household }: { household: Household }) {
  const { t } = useI18n();
  const members = household.members ?? [];
  if (members.length === 0) return <p className="r-muted">{t('暂无登记的成员。', 'No members registered.')}</p>;
  return (
    <ul className="r-cards" data-testid="members">
      {members.map((m) => (
        <li key={m.personId} className="r-card">
          {m.relationLabel && <span className="r-role">{t(m.relationLabel)}</span>}
          <h3>{m.name}</h3>
          {m.phone && (
            <p style={{ margin: 0 }}>
              <span className="r-muted">{t('电话', 'Phone')} </span>
              {m.phone}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
