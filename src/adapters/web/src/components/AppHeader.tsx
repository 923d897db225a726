import { LoginOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { type EntryPoint, entryPointsFor, rolesFor, sessionName } from '../lib/roles.ts';
import { Link, useRouter } from '../lib/router.tsx';
import { pathFor, type RouteName } from '../lib/routes.ts';
import { useSession } from '../lib/session.tsx';
import { LangSwitch } from './LangSwitch.tsx';

const ENTRY_ROUTE: Readonly<Record<EntryPoint, RouteName>> = {
  checkin: 'checkin',
  screen: 'screen',
  console: 'consoleOverview',
  teller: 'teller',
  scrutineer: 'scrutineer',
  presiding: 'presiding',
  vote: 'vote',
  public: 'publicCongress',
};

const ENTRY_LABEL = {
  checkin: 'nav.checkin',
  screen: 'nav.screen',
  console: 'nav.console',
  teller: 'nav.teller',
  scrutineer: 'nav.scrutineer',
  presiding: 'nav.presiding',
  vote: 'nav.vote',
  public: 'nav.public',
} as const;

/** The role-aware navigation: entries of the congress in the address, the user, the language. */
export function AppHeader() {
  const { t } = useI18n();
  const { route, navigate, pathname } = useRouter();
  const { session, logout } = useSession();
  const congressId = route.params.congressId;
  const roles = rolesFor(session, congressId);
  const signedIn = session !== null && session.kind !== 'public';

  const links: { key: string; to: string; label: string; active: boolean }[] = [];
  if (congressId) {
    for (const entry of entryPointsFor(roles)) {
      const to = pathFor(ENTRY_ROUTE[entry], { congressId }, entry === 'checkin' ? { desk: 1 } : {});
      const base = to.split('?')[0]!;
      links.push({
        key: entry,
        to,
        label: t(ENTRY_LABEL[entry]),
        active: pathname === base || (entry === 'console' && pathname.startsWith(base)),
      });
    }
  } else {
    links.push({
      key: 'public',
      to: pathFor('publicList'),
      label: t('nav.public'),
      active: pathname.startsWith('/public'),
    });
  }

  const menu: MenuProps['items'] = [
    { key: 'home', label: t('nav.home') },
    ...links.map((link) => ({ key: link.to, label: link.label })),
  ];

  const who = sessionName(session);

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand" aria-label={t('nav.home')}>
          <span className="brand-star" aria-hidden="true">
            ★
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-short">{t('app.short')}</span>
        </Link>
        <nav className="header-nav" aria-label={t('nav.menu')}>
          {links.map((link) => (
            <Link key={link.key} to={link.to} className={link.active ? 'active' : undefined}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="header-tools">
          <Dropdown
            menu={{ items: menu, onClick: ({ key }) => navigate(key === 'home' ? '/' : key) }}
            trigger={['click']}
          >
            <Button
              type="text"
              className="on-dark header-menu-button"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
            />
          </Dropdown>
          <LangSwitch ghost />
          {signedIn ? (
            <>
              <span className="header-user" title={who}>
                <UserOutlined /> <span className="header-user-name">{who}</span>
              </span>
              <Button
                type="text"
                size="small"
                className="on-dark"
                icon={<LogoutOutlined />}
                onClick={() => void logout().then(() => navigate('/'))}
                data-testid="logout"
              >
                <span className="hide-narrow">{t('nav.logout')}</span>
              </Button>
            </>
          ) : (
            <Button
              type="text"
              size="small"
              className="on-dark"
              icon={<LoginOutlined />}
              onClick={() => navigate(pathFor('login', {}, { next: pathname + window.location.search }))}
            >
              {t('nav.login')}
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}

export function PageShell({
  children,
  wide = false,
}: {
  readonly children: React.ReactNode;
  readonly wide?: boolean;
}) {
  return (
    <div className="page">
      <AppHeader />
      <main className={wide ? 'page-main wide' : 'page-main'}>{children}</main>
    </div>
  );
}
