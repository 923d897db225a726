import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { RouterProvider, useRouter } from './lib/router.tsx';
import { SessionProvider } from './lib/session.tsx';
import { usePrefersReducedMotion } from './lib/use-reduced-motion.ts';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PublicCongressPage, PublicListPage } from './pages/PublicPages.tsx';

// Pages a secretariat desk or the hall screen opens are loaded on demand; the public pages and
// the home page come with the first load.
const CheckinDesk = lazy(() => import('./pages/checkin/CheckinDesk.tsx'));
const BigScreen = lazy(() => import('./pages/screen/BigScreen.tsx'));
const Console = lazy(() => import('./pages/console/Console.tsx'));
const TellerEntry = lazy(() => import('./pages/teller/TellerEntry.tsx'));
const ScrutineerCompare = lazy(() => import('./pages/scrutineer/ScrutineerCompare.tsx'));
const ScanDesk = lazy(() => import('./pages/scan/ScanDesk.tsx'));
const PresidingScript = lazy(() => import('./pages/presiding/PresidingScript.tsx'));
const TermPage = lazy(() => import('./pages/committee/TermPage.tsx'));

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';
/**
 * In English a Latin face comes first: a CJK face draws ’ “ ” as full-width Chinese punctuation
 * ("plenary’ s"). Chinese names in English text fall back to the CJK faces.
 */
export const LATIN_FONT_FAMILY =
  '"Helvetica Neue", Arial, "Segoe UI", Roboto, "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Leaves the console's app for a page the server sends by itself (the delegate's light page). */
function FullPageLoad() {
  // Once only: a server that answers this address with the console again (the development
  // server, an old build) must not make the page reload for ever.
  const again = sessionStorage.getItem('plenum.fullLoad') === window.location.href;
  useEffect(() => {
    if (again) return;
    sessionStorage.setItem('plenum.fullLoad', window.location.href);
    window.location.replace(window.location.href);
  }, [again]);
  return again ? <NotFoundPage /> : null;
}

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
    case 'scan':
      return <ScanDesk congressId={route.params.congressId!} />;
    case 'presiding':
      return <PresidingScript congressId={route.params.congressId!} />;
    case 'vote':
      // The delegate's page is a light page of its own (vote.html): load it from the server.
      return <FullPageLoad />;
    case 'consoleOverview':
    case 'consoleDelegates':
    case 'consoleImport':
    case 'consoleCredentials':
    case 'consoleSection':
      return (
        <Console congressId={route.params.congressId!} route={route.name} section={route.params.section} />
      );
    case 'term':
      return <TermPage termId={route.params.termId!} section={route.params.section!} />;
    default:
      return <NotFoundPage />;
  }
}

function Themed() {
  const { lang } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
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
          fontFamily: lang === 'zh' ? FONT_FAMILY : LATIN_FONT_FAMILY,
          fontSize: 15,
          motion: !reducedMotion,
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
