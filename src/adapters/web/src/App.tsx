import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { RouterProvider, useRouter } from './lib/router.tsx';
import { SessionProvider } from './lib/session.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PublicCongressPage, PublicListPage } from './pages/PublicPages.tsx';

// Pages a secretariat desk or the hall screen opens are loaded on demand; the public pages and
// the home page come with the first load.
const CheckinDesk = lazy(() => import('./pages/CheckinDesk.tsx'));
const BigScreen = lazy(() => import('./pages/BigScreen.tsx'));
const Console = lazy(() => import('./pages/console/Console.tsx'));
const TellerEntry = lazy(() => import('./pages/TellerEntry.tsx'));
const ScrutineerCompare = lazy(() => import('./pages/ScrutineerCompare.tsx'));
const PresidingScript = lazy(() => import('./pages/PresidingScript.tsx'));
const DelegateVote = lazy(() => import('./pages/DelegateVote.tsx'));

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

function Pages() {
  const { route } = useRouter();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'login':
      return <LoginPage />;
    case 'publicList':
      return <PublicListPage />;
    case 'publicCongress':
      return <PublicCongressPage congressId={route.params.congressId!} />;
    case 'checkin':
      return <CheckinDesk congressId={route.params.congressId!} />;
    case 'screen':
      return <BigScreen congressId={route.params.congressId!} />;
    case 'teller':
      return <TellerEntry congressId={route.params.congressId!} />;
    case 'scrutineer':
      return <ScrutineerCompare congressId={route.params.congressId!} />;
    case 'presiding':
      return <PresidingScript congressId={route.params.congressId!} />;
    case 'vote':
      return <DelegateVote congressId={route.params.congressId!} />;
    case 'consoleOverview':
    case 'consoleDelegates':
    case 'consoleImport':
    case 'consoleCredentials':
    case 'consoleSection':
      return (
        <Console congressId={route.params.congressId!} route={route.name} section={route.params.section} />
      );
    default:
      return <NotFoundPage />;
  }
}

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          colorLink: '#a31515',
          colorSuccess: '#2e7d32',
          // The palette antd derives from this green is greyish; a verdict should read as good news.
          colorSuccessBg: '#edf7ed',
          colorSuccessBorder: '#b5dbb7',
          colorWarning: '#c77700',
          colorError: '#c62828',
          borderRadius: 6,
          fontFamily: FONT_FAMILY,
          fontSize: 15,
        },
      }}
    >
      <AntApp>
        <RouterProvider>
          <SessionProvider>
            <Suspense
              fallback={
                <div className="page-loading">
                  <Spin size="large" />
                </div>
              }
            >
              <Pages />
            </Suspense>
          </SessionProvider>
        </RouterProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
