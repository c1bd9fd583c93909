import type { Neighbourhood } from '@shuren/core';
import { useI18n } from '../../shared/i18n';
import { useNeighbourhood } from './resident-api';
import { HomeReceptionDays } from './reception-days';
import { CallButton, ErrorBlock, LoadingBlock, Notice, Screen } from './ui';

type Contact = Neighbourhood['contacts'][number];

// The people a resident turns to first come first: their 楼长/巷长, then the grid worker, then the community office.
const ROLE_ORDER = ['building_head', 'lane_head', 'street_head', 'grid_worker', 'community_staff', 'committee_member', 'first_secretary'];
const rank = (c: Contact) => {
  const i = ROLE_ORDER.indexOf(c.role);
  return i < 0 ? ROLE_ORDER.length : i;
};

/** "我的楼长 / 巷长 / 网格员 / 社区", each with a tap-to-call button. */
export function ContactsPage() {
  const { t } = useI18n();
  const q = useNeighbourhood();
  const community = q.data?.regions.find((r) => r.level === 'community');
  const contacts = [...(q.data?.contacts ?? [])].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'));
  return (
    <Screen title={t('我的楼长和社区', 'My helpers')} back="/r" testId="r-contacts">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {q.data && (
        <>
          {community && <p className="r-lead">{t(`您所在的社区：${community.name}`, `Your community: ${community.name}`)}</p>}
          {contacts.length === 0 ? (
            <Notice icon="🙋" title={t('暂未登记联系人', 'No contacts registered yet')}>
              <p>{t('您的楼栋还没有登记楼长或网格员。请到社区居委会咨询。', 'No building head or grid worker is registered for your building yet. Please ask at your community office.')}</p>
            </Notice>
          ) : (
            <ul className="r-cards">
              {contacts.map((c) => (
                <li key={`${c.personId}-${c.role}-${c.regionId}`} className="r-card" data-testid={`contact-${c.role}`}>
                  <span className="r-role">{t(c.roleLabel)}</span>
                  <h2 className="r-card-title">{c.name}</h2>
                  <p className="r-muted" style={{ margin: 0 }}>
                    {t(`负责：${c.regionName}`, `Looks after: ${c.regionName}`)}
                  </p>
                  {c.phone ? (
                    <CallButton phone={c.phone} name={c.name} testId={`call-${c.role}`} />
                  ) : (
                    <p className="r-muted">{t('未登记电话，请到社区居委会联系。', 'No phone number on record; please ask at the community office.')}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <HomeReceptionDays />
        </>
      )}
    </Screen>
  );
}
