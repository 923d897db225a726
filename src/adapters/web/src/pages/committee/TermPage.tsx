import {
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ProfileOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { Button, Menu, Result, Select, Spin } from 'antd';
import type { ReactNode } from 'react';
import { termEndpoint, termsEndpoint } from '../../../../../contract/congress.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { myUnitsEndpoint } from '../../../../../contract/follow-up.ts';
import { PageShell } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type TermSection, termSectionsFor } from '../../lib/committee-sections.ts';
import { type Role, rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { FollowUpSection } from './FollowUpSection.tsx';
import { MeetingsSection } from './MeetingsSection.tsx';
import { RegisterSection } from './RegisterSection.tsx';
import { TopicsSection } from './TopicsSection.tsx';
import type { TermSectionProps } from './term-section-props.ts';
import { UnitsSection } from './UnitsSection.tsx';
import './committee.css';

// The committee's year, not tied to one meeting (§8): the term's register, its calendar of
// meetings, the topic queue, the follow-up board and the units that carry it out. The office sees
// every section; a unit's staff see their units' tasks and topic requests only. Roles held in
// every congress ('*') decide, as the API does for these term-level endpoints.

const ICONS: Readonly<Record<TermSection, ReactNode>> = {
  register: <SolutionOutlined />,
  meetings: <CalendarOutlined />,
  topics: <ProfileOutlined />,
  'follow-up': <AuditOutlined />,
  units: <ClusterOutlined />,
};

const PAGES: Readonly<Record<TermSection, (props: TermSectionProps) => ReactNode>> = {
  register: RegisterSection,
  meetings: MeetingsSection,
  topics: TopicsSection,
  'follow-up': FollowUpSection,
  units: UnitsSection,
};

/** The term's title and organisation: from the term (the office) or through the units (their staff). */
function useTermHeading(termId: string, roles: ReadonlySet<Role>) {
  const readsTerm = mayCall(termEndpoint, roles);
  const term = useEndpoint(termEndpoint, readsTerm ? { params: { termId } } : null);
  const mine = useEndpoint(myUnitsEndpoint, readsTerm ? null : {});
  const organisationId = term.data?.organisationId ?? mine.data?.[0]?.organisationId;
  const terms = useEndpoint(
    termsEndpoint,
    !readsTerm && organisationId ? { params: { organisationId } } : null,
  );
  const title = term.data?.title ?? terms.data?.find((t) => t.id === termId)?.title ?? '';
  return { title, organisationId, error: term.error ?? mine.error ?? terms.error };
}

export default function TermPage({ termId, section }: { readonly termId: string; readonly section: string }) {
  const { t } = useI18n();
  const { session, loading } = useSession();
  const { navigate, pathname } = useRouter();
  const roles = rolesFor(session, undefined);
  const sections = termSectionsFor(roles);
  const heading = useTermHeading(termId, roles);

  if (loading || !session) {
    return (
      <PageShell>
        <div className="page-loading">
          <Spin size="large" />
        </div>
      </PageShell>
    );
  }
  const active = sections.find((s) => s === section);
  if (!active) {
    const signedIn = session.kind !== 'public';
    return (
      <PageShell>
        <Result
          status={signedIn ? '403' : 'info'}
          title={signedIn ? t('cm.forbidden') : t('error.loginFirst')}
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

  const label = (key: TermSection) => t(`cm.section.${key}`);
  const go = (key: string) => navigate(pathFor('term', { termId, section: key }));
  const Section = PAGES[active];
  const props: TermSectionProps = {
    termId,
    roles,
    organisationId: heading.organisationId,
    termTitle: heading.title,
  };

  return (
    <PageShell wide>
      <div className="console" data-testid="term-page" data-section={active}>
        <aside className="console-side">
          <div className="console-congress" title={heading.title}>
            {heading.title || t('cm.term')}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[active]}
            items={sections.map((key) => ({ key, icon: ICONS[key], label: label(key) }))}
            onClick={({ key }) => go(key)}
            className="console-menu"
          />
        </aside>
        <div className="console-mobile-nav">
          <Select
            value={active}
            onChange={go}
            options={sections.map((key) => ({ value: key, label: label(key) }))}
            style={{ width: '100%' }}
            size="large"
          />
        </div>
        <section className="console-content">
          <Section key={`${termId}:${active}`} {...props} />
        </section>
      </div>
    </PageShell>
  );
}
