import { Link, useNavigate } from 'react-router-dom';
import { isStaff, useMe, useSignOut } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { useTaskCounts } from '../appeals/handler/tasks-api';
import { headAssignments } from './resident-api';
import { Screen } from './ui';

interface Tile {
  to: string;
  icon: string;
  title: string;
  sub: string;
  testId: string;
  wide?: boolean;
  /** A count shown as a red badge after the title ("待我处理 3"). */
  badge?: number;
}

/** Big tiles, one per task; a 楼长 also gets a tile per building they look after. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const heads = headAssignments(me.data);
  // Anyone holding a role may have a queue; the server says whose (403 = no queue, no tile).
  const counts = useTaskCounts((me.data?.assignments.length ?? 0) > 0);
  const c = counts.data;
  const tiles: Tile[] = [
    ...(c
      ? [{
          to: '/r/tasks',
          icon: '📋',
          title: t('待我处理', 'My tasks'),
          sub: c.overdue > 0 ? t(`其中 ${c.overdue} 件已超时`, `${c.overdue} overdue`) : c.open > 0 ? t('楼里的事，请及时处理', 'Matters in your building, please deal with them') : t('现在没有需要处理的事', 'Nothing needs you right now'),
          testId: 'tile-tasks',
          wide: true,
          badge: c.open,
        }]
      : []),
    ...heads.map((a) => ({
      to: `/r/building/${a.regionId}`,
      icon: '🏢',
      title: t(`我负责的${a.regionName}`, `My building: ${a.regionName}`),
      sub: t('住户名单', 'Households and residents'),
      testId: 'tile-building',
      wide: true,
    })),
    { to: '/r/appeals/new', icon: '📣', title: t('我要反映', 'Report a problem'), sub: t('身边的烦心事 · 查办理进度', 'Something wrong nearby · follow it up'), testId: 'tile-appeals', wide: true },
    { to: '/r/contacts', icon: '📞', title: t('我的楼长', 'My helpers'), sub: t('楼长 · 网格员 · 社区', 'Building head · grid worker · community'), testId: 'tile-contacts' },
    { to: '/r/household', icon: '🏠', title: t('我的家', 'My household'), sub: t('住址和家人', 'Address and family'), testId: 'tile-household' },
    { to: '/r/venues', icon: '🏛️', title: t('附近场地', 'Places near me'), sub: t('开放时间 · 活动室', 'Opening hours · rooms'), testId: 'tile-venues' },
    { to: '/r/organisations', icon: '🤝', title: t('社区组织', 'Groups near me'), sub: t('街坊会 · 社团', 'Associations · clubs'), testId: 'tile-organisations' },
  ];
  return (
    <Screen title={t('我的社区', 'My community')} back={null} testId="r-home">
      <p className="r-lead">{me.data ? t(`${me.data.name}，您好！`, `Hello, ${me.data.name}!`) : null}</p>
      <nav aria-label={t('功能', 'Tasks')}>
        <ul className="r-tiles">
          {tiles.map((x) => (
            <li key={x.to} className={x.wide ? 'r-wide' : undefined} style={x.wide ? { gridColumn: '1 / -1' } : undefined}>
              <Link to={x.to} className={`r-tile${x.wide ? ' r-wide' : ''}`} data-testid={x.testId}>
                <span className="r-tile-icon" aria-hidden="true">
                  {x.icon}
                </span>
                <span className="r-tile-title">
                  {x.title}
                  {x.badge ? (
                    <span className="r-tile-badge" data-testid={`${x.testId}-badge`}>
                      {x.badge}
                      <span className="r-visually-hidden">{t(' 件', ' open')}</span>
                    </span>
                  ) : null}
                </span>
                <span className="r-tile-sub">{x.sub}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {isStaff(me.data) && (
        <Link className="r-btn r-secondary" to="/console">
          {t('进入工作台', 'Open the staff console')}
        </Link>
      )}
      <button
        type="button"
        className="r-btn r-secondary"
        data-testid="r-sign-out"
        onClick={async () => {
          await signOut();
          navigate('/r', { replace: true });
        }}
      >
        {t('退出登录', 'Sign out')}
      </button>
    </Screen>
  );
}

/** /r for someone not signed in (a link shared in a WeChat group lands here): sign in or register. */
export function WelcomePage() {
  const { t } = useI18n();
  return (
    <Screen title={t('熟人社区', 'Shuren community')} back={null} testId="r-welcome">
      <p className="r-lead">{t('找楼长、找网格员、看看附近的活动场地。', 'Find your building head and grid worker, and places near you.')}</p>
      <Link className="r-btn" to="/login?next=%2Fr" data-testid="r-sign-in">
        {t('登录', 'Sign in')}
      </Link>
      <Link className="r-btn r-secondary" to="/register" data-testid="r-register">
        {t('第一次使用？注册', 'First time? Register')}
      </Link>
    </Screen>
  );
}
