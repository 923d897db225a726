import {
  DesktopOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, InputNumber, Select, Skeleton, Space } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { congressesEndpoint } from '../../../../contract/congress.ts';
import { PageShell } from '../components/AppHeader.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateRange } from '../lib/format.ts';
import { type EntryPoint, entryPointsFor, rolesFor, sessionName } from '../lib/roles.ts';
import { useRouter } from '../lib/router.tsx';
import { pathFor } from '../lib/routes.ts';
import { useSession } from '../lib/session.tsx';
import { useEndpoint } from '../lib/use-api.ts';
import { CommitteeHome } from './committee/CommitteeHome.tsx';

const CHOSEN_KEY = 'plenum.congress';

/** Pick a congress, then the entry points the user's roles open in it. */
export function HomePage() {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const { session } = useSession();
  const congresses = useEndpoint(congressesEndpoint, {});
  const [chosen, setChosen] = useState<string | undefined>(
    () => localStorage.getItem(CHOSEN_KEY) ?? undefined,
  );
  const [desk, setDesk] = useState<number>(1);

  const list = congresses.data ?? [];
  useEffect(() => {
    if (list.length === 0) return;
    if (!chosen || !list.some((c) => c.id === chosen)) setChosen(list[0]!.id);
  }, [list, chosen]);

  const choose = (id: string) => {
    localStorage.setItem(CHOSEN_KEY, id);
    setChosen(id);
  };

  const congress = list.find((c) => c.id === chosen);
  const roles = rolesFor(session, chosen);
  const entries = entryPointsFor(roles);
  const signedIn = session !== null && session.kind !== 'public';
  const staffRoles = [...roles].filter((r) => r !== 'public');
  const who = sessionName(session);

  const card = (
    entry: EntryPoint,
    icon: ReactNode,
    title: string,
    description: string,
    to: string,
    extra?: ReactNode,
  ) => (
    <Card key={entry} className="entry-card" hoverable data-testid={`entry-${entry}`}>
      <div className="entry-icon">{icon}</div>
      <h3>{title}</h3>
      <p>{description}</p>
      <Space wrap>
        {extra}
        <Button type="primary" onClick={() => navigate(to)}>
          {t('common.open')}
        </Button>
      </Space>
    </Card>
  );

  return (
    <PageShell>
      <section className="home-hero">
        <h1>{t('app.name')}</h1>
        <p>{t('app.tagline')}</p>
      </section>
      <ErrorAlert error={congresses.error} onRetry={() => void congresses.reload()} />
      {congresses.loading && !congresses.data ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={t('home.noCongress')} />
      ) : (
        <>
          <Card className="home-picker">
            <label htmlFor="congress-select" className="field-label">
              {t('home.pick')}
            </label>
            <Select
              id="congress-select"
              size="large"
              value={chosen}
              onChange={choose}
              style={{ width: '100%' }}
              options={list.map((c) => ({ value: c.id, label: c.title }))}
              data-testid="congress-select"
            />
            {congress && (
              <p className="muted home-congress-meta meta-line">
                <span>
                  <ScheduleOutlined /> {formatDateRange(congress.startsOn, congress.endsOn, lang)}
                </span>
                {congress.venue && <span>{congress.venue}</span>}
              </p>
            )}
            {signedIn ? (
              <Alert
                type="info"
                showIcon
                title={t('home.signedInAs', {
                  name: who,
                  roles:
                    staffRoles.length > 0
                      ? staffRoles.map((r) => t(`role.${r}`)).join('、')
                      : t('role.public'),
                })}
              />
            ) : (
              <Alert type="info" showIcon title={t('home.notSignedIn')} />
            )}
          </Card>
          {chosen && (
            <>
              <h2 className="section-title">{t('home.entries')}</h2>
              <div className="entry-grid">
                {entries.includes('checkin') &&
                  card(
                    'checkin',
                    <IdcardOutlined />,
                    t('nav.checkin'),
                    t('home.checkin.desc'),
                    pathFor('checkin', { congressId: chosen }, { desk }),
                    <span className="desk-picker">
                      {t('home.desk')}{' '}
                      <InputNumber
                        min={1}
                        max={99}
                        value={desk}
                        onChange={(v) => setDesk(v ?? 1)}
                        style={{ width: 72 }}
                      />
                    </span>,
                  )}
                {entries.includes('console') &&
                  card(
                    'console',
                    <DesktopOutlined />,
                    t('nav.console'),
                    t('home.console.desc'),
                    pathFor('consoleOverview', { congressId: chosen }),
                  )}
                {card(
                  'screen',
                  <FundProjectionScreenOutlined />,
                  t('nav.screen'),
                  t('home.screen.desc'),
                  pathFor('screen', { congressId: chosen }),
                )}
                {card(
                  'public',
                  <TrophyOutlined />,
                  t('nav.public'),
                  t('home.public.desc'),
                  pathFor('publicCongress', { congressId: chosen }),
                )}
                {/* The news portal is served as pages of its own (/news), outside this application. */}
                <Card className="entry-card" hoverable data-testid="entry-news">
                  <div className="entry-icon">
                    <ReadOutlined />
                  </div>
                  <h3>{t('nav.news')}</h3>
                  <p>{t('home.news.desc')}</p>
                  <Button type="primary" href="/news">
                    {t('common.open')}
                  </Button>
                </Card>
              </div>
            </>
          )}
        </>
      )}
      <CommitteeHome />
    </PageShell>
  );
}
