import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  ImportOutlined,
  NotificationOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Menu, Result, Select, Spin } from 'antd';
import type { ReactNode } from 'react';
import { PageShell } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { congressUrl } from '../../lib/api.ts';
import { consoleSectionsFor, hasAny, rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor, type RouteName } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import type { CongressBasics } from '../../lib/types.ts';
import { useApi } from '../../lib/use-api.ts';
import { AttendanceRecord } from './AttendanceRecord.tsx';
import { AuditLog } from './AuditLog.tsx';
import { Credentials } from './Credentials.tsx';
import { DelegateImport } from './DelegateImport.tsx';
import { Delegates } from './Delegates.tsx';
import { Documents } from './Documents.tsx';
import { Elections } from './Elections.tsx';
import { News } from './News.tsx';
import { Organisations } from './Organisations.tsx';
import { Overview } from './Overview.tsx';
import { PaperOverview } from './PaperOverview.tsx';
import { Sittings } from './Sittings.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// The secretariat console: a menu of sections by role (lib/roles.ts says who sees which). Each
// section is one page module of this folder.

const ICONS: Readonly<Record<string, ReactNode>> = {
  overview: <DashboardOutlined />,
  delegates: <TeamOutlined />,
  import: <ImportOutlined />,
  credentials: <SafetyCertificateOutlined />,
  sittings: <CalendarOutlined />,
  attendance: <UsergroupAddOutlined />,
  elections: <AuditOutlined />,
  paper: <FileDoneOutlined />,
  documents: <PrinterOutlined />,
  news: <NotificationOutlined />,
  audit: <SafetyOutlined />,
  organisations: <ApartmentOutlined />,
};

const SECTION_PAGES: Readonly<Record<string, (props: ConsoleSectionProps) => ReactNode>> = {
  sittings: Sittings,
  attendance: AttendanceRecord,
  elections: Elections,
  paper: PaperOverview,
  documents: Documents,
  news: News,
  audit: AuditLog,
  organisations: Organisations,
};

function sectionPath(congressId: string, key: string): string {
  switch (key) {
    case 'overview':
      return pathFor('consoleOverview', { congressId });
    case 'delegates':
      return pathFor('consoleDelegates', { congressId });
    case 'import':
      return pathFor('consoleImport', { congressId });
    case 'credentials':
      return pathFor('consoleCredentials', { congressId });
    default:
      return pathFor('consoleSection', { congressId, section: key });
  }
}

function sectionOf(route: RouteName, section: string | undefined): string {
  if (route === 'consoleDelegates') return 'delegates';
  if (route === 'consoleImport') return 'import';
  if (route === 'consoleCredentials') return 'credentials';
  if (route === 'consoleSection') return section ?? 'overview';
  return 'overview';
}

export default function Console({
  congressId,
  route,
  section,
}: {
  readonly congressId: string;
  readonly route: RouteName;
  readonly section: string | undefined;
}) {
  const { t } = useI18n();
  const { session, loading } = useSession();
  const { navigate, pathname } = useRouter();
  const basics = useApi<CongressBasics>(congressUrl(congressId, '/public'));
  const roles = rolesFor(session, congressId);
  const sections = consoleSectionsFor(roles);
  const active = sectionOf(route, section);

  if (loading || !session) {
    return (
      <PageShell>
        <div className="page-loading">
          <Spin size="large" />
        </div>
      </PageShell>
    );
  }
  const staff = hasAny(roles, ['admin', 'presiding', 'teller', 'scrutineer', 'check-in']);
  const allowed = sections.find((s) => s.key === active);
  if (!staff || !allowed) {
    const signedIn = session.kind !== 'public';
    return (
      <PageShell>
        <Result
          status={signedIn ? '403' : 'info'}
          title={signedIn ? t('error.forbiddenPage') : t('error.loginFirst')}
          extra={
            !signedIn && (
              <Button type="primary" onClick={() => navigate(pathFor('login', {}, { next: pathname }))}>
                {t('nav.login')}
              </Button>
            )
          }
        />
      </PageShell>
    );
  }

  const label = (key: string) => t(`console.section.${key}` as 'console.section.overview');
  const items = sections.map((s) => ({
    key: s.key,
    icon: ICONS[s.key],
    label: label(s.key),
  }));

  let content: ReactNode;
  switch (active) {
    case 'overview':
      content = <Overview congressId={congressId} />;
      break;
    case 'delegates':
      content = <Delegates congressId={congressId} canAdmin={roles.has('admin')} />;
      break;
    case 'import':
      content = <DelegateImport congressId={congressId} />;
      break;
    case 'credentials':
      content = <Credentials congressId={congressId} title={basics.data?.title ?? ''} />;
      break;
    default: {
      const Section = SECTION_PAGES[active];
      const props: ConsoleSectionProps = { congressId, roles, congressTitle: basics.data?.title ?? '' };
      // Keyed by congress: moving to another congress (a congress to its plenary) starts the page afresh.
      content = Section ? <Section key={congressId} {...props} /> : null;
    }
  }

  return (
    <PageShell wide>
      <div className="console">
        <aside className="console-side">
          <div className="console-congress" title={basics.data?.title}>
            {basics.data?.title ?? ''}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[active]}
            items={items}
            onClick={({ key }) => navigate(sectionPath(congressId, key))}
            className="console-menu"
          />
        </aside>
        <div className="console-mobile-nav">
          <Select
            value={active}
            onChange={(key) => navigate(sectionPath(congressId, key))}
            options={sections.map((s) => ({ value: s.key, label: label(s.key) }))}
            style={{ width: '100%' }}
            size="large"
          />
        </div>
        <section className="console-content">{content}</section>
      </div>
    </PageShell>
  );
}
