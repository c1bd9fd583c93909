import './resident.css';
import { Link, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../shared/guards';
import { useMe } from '../../shared/auth';
import { Loading } from '../../shared/no-access';
import { BuildingHouseholdPage, BuildingPage } from './building-page';
import { ContactsPage } from './contacts-page';
import { HomePage, WelcomePage } from './home-page';
import { HouseholdPage } from './household-page';
import { OrganisationsPage, VenueDetailPage, VenuesPage } from './venues-page';
import { Notice, Screen } from './ui';
import { useI18n } from '../../shared/i18n';
import { HandlerTasks, ResidentAppeals } from '../appeals/resident-entry';

/**
 * Resident and 楼长 pages (/r/*), phone first. Plain React + CSS, no antd: this chunk is what an elderly
 * resident's phone downloads inside WeChat, so it stays small (see bench/web-budget).
 */
export default function ResidentRoutes() {
  return (
    <Routes>
      <Route index element={<HomeOrWelcome />} />
      <Route path="contacts" element={<Auth><ContactsPage /></Auth>} />
      <Route path="household" element={<Auth><HouseholdPage /></Auth>} />
      <Route path="venues" element={<Auth><VenuesPage /></Auth>} />
      <Route path="venues/:venueId" element={<Auth><VenueDetailPage /></Auth>} />
      <Route path="organisations" element={<Auth><OrganisationsPage /></Auth>} />
      <Route path="building/:regionId" element={<Auth><BuildingPage /></Auth>} />
      <Route path="building/:regionId/households/:householdId" element={<Auth><BuildingHouseholdPage /></Auth>} />
      <Route path="appeals/*" element={<ResidentAppeals />} />
      <Route path="tasks/*" element={<HandlerTasks />} />
      <Route path="*" element={<ResidentNotFound />} />
    </Routes>
  );
}

function Auth({ children }: { children: React.ReactNode }) {
  return <RequireAuth>{children}</RequireAuth>;
}

function HomeOrWelcome() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return me.data ? <HomePage /> : <WelcomePage />;
}

function ResidentNotFound() {
  const { t } = useI18n();
  return (
    <Screen title={t('找不到页面', 'Page not found')} back="/r">
      <Notice icon="🔎" title={t('找不到这个页面', 'This page does not exist')}>
        <Link className="r-btn" to="/r">
          {t('返回首页', 'Back to home')}
        </Link>
      </Notice>
    </Screen>
  );
}
