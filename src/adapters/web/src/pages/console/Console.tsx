import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  ImportOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Menu, Result, Select, Spin } from 'antd';
import type { ReactNode } from 'react';
import { congressEndpoint, publicCongressEndpoint } from '../../../../../contract/congress.ts';
import { PageShell } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isCommitteeMeeting } from '../../lib/committee.ts';
import { consoleSectionsFor, hasAny, rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor, type RouteName } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { AttendanceRecord } from './AttendanceRecord.tsx';
import { AuditLog } from './AuditLog.tsx';
import { Credentials } from './Credentials.tsx';
import { DelegateImport } from './DelegateImport.tsx';
import { Delegates } from './Delegates.tsx';
import { Documents } from './Documents.tsx';
import { Elections } from './Elections.tsx';
import { MeetingAgenda } from './meeting/MeetingAgenda.tsx';
import { MeetingMinutes } from './meeting/MeetingMinutes.tsx';
import { MeetingOutcomes } from './meeting/MeetingOutcomes.tsx';
import { MeetingOverview } from './meeting/MeetingOverview.tsx';
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
  agenda: <OrderedListOutlined />,
  outcomes: <FlagOutlined />,
  minutes: <FileTextOutlined />,
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
  agenda: MeetingAgenda,
  outcomes: MeetingOutcomes,
  minutes: MeetingMinutes,
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
  const basics = useEndpoint(publicCongressEndpoint, { params: { congressId } });
  const roles = rolesFor(session, congressId);
  // What meets decides the sections: a meeting of the committee has no delegations or import.
  const congress = useEndpoint(congressEndpoint, session ? { params: { congressId } } : null);
  const kind = congress.data?.kind;
  const meeting = isCommitteeMeeting(kind);
  const sections = consoleSectionsFor(roles, kind);
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

  // A meeting's people are 委员 and 常委, not 代表: its overview, roster and voting cards say so.
  const label = (key: string) => {
    if (meeting && key === 'overview') return t('cm.ov.title');
    if (meeting && key === 'credentials') return t('cm.section.credentials');
    if (meeting && key === 'delegates')
      return t(`cm.section.roster.${kind === 'plenary' ? 'plenary' : 'standing-committee'}`);
    return t(`console.section.${key}` as 'console.section.overview');
  };
  const items = sections.map((s) => ({
    key: s.key,
    icon: ICONS[s.key],
    label: label(s.key),
  }));

  let content: ReactNode;
  switch (active) {
    case 'overview':
      content =
        !kind && !congress.error ? (
          <div className="page-loading">
            <Spin />
          </div>
        ) : meeting ? (
          <MeetingOverview congressId={congressId} roles={roles} congressTitle={basics.data?.title ?? ''} />
        ) : (
          <Overview congressId={congressId} />
        );
      break;
    case 'delegates':
      content = (
        <Delegates
          congressId={congressId}
          roles={roles}
          members={meeting ? (kind as 'plenary' | 'standing-committee') : undefined}
        />
      );
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
