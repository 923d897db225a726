import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  createOrganisationEndpoint,
  ORGANISATION_LEVELS,
  type OrganisationLevel,
  type OrganisationView,
  organisationsEndpoint,
  type TermView,
  termsEndpoint,
} from '../../../../../contract/congress.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { myUnitsEndpoint } from '../../../../../contract/follow-up.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { termLanding, termSectionsFor } from '../../lib/committee-sections.ts';
import { formatDate } from '../../lib/format.ts';
import { type Role, rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { OrganisationActions } from '../console/organisations/OrganisationActions.tsx';
import './committee.css';

// The home page's way into the committee's year (§8), for those who work on it between congresses:
// the office sees its organisations and their committees' terms, each opening the register, the
// calendar of meetings, the topic queue and the follow-up board, and records a new organisation, a
// term or a congress; a unit's staff see their units' board and topic requests, and land there.

export function CommitteeHome() {
  const { session } = useSession();
  const roles = rolesFor(session, undefined);
  if (termSectionsFor(roles).length === 0) return null;
  return mayCall(organisationsEndpoint, roles) ? <OfficeTerms roles={roles} /> : <UnitTerms roles={roles} />;
}

function OfficeTerms({ roles }: { readonly roles: ReadonlySet<Role> }) {
  const { t } = useI18n();
  const organisations = useEndpoint(organisationsEndpoint, {});
  const [creating, setCreating] = useState(false);
  return (
    <section className="cm-home" data-testid="committee-home">
      <div className="console-section-head">
        <h2 className="section-title">{t('cm.home.title')}</h2>
        {mayCall(createOrganisationEndpoint, roles) && (
          <Button
            icon={<ApartmentOutlined />}
            onClick={() => setCreating(true)}
            data-testid="home-new-organisation"
          >
            {t('cm.home.newOrganisation')}
          </Button>
        )}
      </div>
      <ErrorAlert error={organisations.error} onRetry={() => void organisations.reload()} />
      {organisations.data === undefined && !organisations.error && <Skeleton active />}
      {organisations.data?.length === 0 && (
        <Card className="console-card" data-testid="committee-home-empty">
          <Empty description={t('cm.home.noOrganisation')} />
        </Card>
      )}
      {(organisations.data ?? []).map((organisation) => (
        <OrganisationTerms
          key={organisation.id}
          organisationId={organisation.id}
          heading={organisation.name}
          roles={roles}
          organisation={mayCall(createOrganisationEndpoint, roles) ? organisation : undefined}
          onOrganisations={() => void organisations.reload()}
        />
      ))}
      {creating && (
        <NewOrganisationDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void organisations.reload();
          }}
        />
      )}
    </section>
  );
}

function UnitTerms({ roles }: { readonly roles: ReadonlySet<Role> }) {
  const { t } = useI18n();
  const mine = useEndpoint(myUnitsEndpoint, {});
  const organisationIds = [...new Set((mine.data ?? []).map((u) => u.organisationId))];
  return (
    <section className="cm-home" data-testid="committee-home">
      <h2 className="section-title">{t('cm.home.unitTitle')}</h2>
      <ErrorAlert error={mine.error} onRetry={() => void mine.reload()} />
      {mine.data === undefined && !mine.error && <Skeleton active />}
      {mine.data?.length === 0 && (
        <Card className="console-card" data-testid="committee-home-empty">
          <Empty description={t('cm.fu.noUnit')} />
        </Card>
      )}
      {organisationIds.map((organisationId) => (
        <OrganisationTerms
          key={organisationId}
          organisationId={organisationId}
          heading={(mine.data ?? [])
            .filter((u) => u.organisationId === organisationId)
            .map((u) => u.name)
            .join('、')}
          roles={roles}
          land={organisationIds.length === 1}
        />
      ))}
    </section>
  );
}

/** An organisation's committee terms, the current first, each with the pages the roles open. */
function OrganisationTerms({
  organisationId,
  heading,
  roles,
  organisation,
  onOrganisations,
  land = false,
}: {
  readonly organisationId: string;
  readonly heading: string;
  readonly roles: ReadonlySet<Role>;
  /** For the office: the organisation, with its actions (a term, a congress, a subordinate organisation). */
  readonly organisation?: OrganisationView | undefined;
  readonly onOrganisations?: () => void;
  /** A unit's staff with one organisation go straight to its current term's board. */
  readonly land?: boolean;
}) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const terms = useEndpoint(termsEndpoint, { params: { organisationId } });
  const committees = [...(terms.data ?? [])]
    .filter((term) => term.body === 'committee')
    .sort((a, b) => Number(a.endedOn !== null) - Number(b.endedOn !== null) || b.number - a.number);
  const sections = termSectionsFor(roles);
  const landing = termLanding(roles);
  const current = committees.find((term) => term.endedOn === null);
  const landingPath =
    land && landing && current ? pathFor('term', { termId: current.id, section: landing }) : null;
  useEffect(() => {
    if (landingPath) navigate(landingPath, { replace: true });
  }, [landingPath, navigate]);

  return (
    <Card
      className="console-card"
      size="small"
      title={heading}
      extra={
        organisation && (
          <OrganisationActions
            organisation={organisation}
            terms={terms.data ?? []}
            congressNumber={0}
            onChanged={() => {
              void terms.reload();
              onOrganisations?.();
            }}
          />
        )
      }
      data-testid="committee-organisation"
    >
      <ErrorAlert error={terms.error} />
      {terms.data && committees.length === 0 && <p className="muted">{t('cm.home.noTerm')}</p>}
      {committees.map((term: TermView) => (
        <div key={term.id} className="cm-home-term" data-testid="committee-term" data-term-id={term.id}>
          <div>
            <strong>{term.title}</strong>{' '}
            <Tag color={term.endedOn ? 'default' : 'green'}>
              {term.endedOn ? t('org.ended') : t('org.current')}
            </Tag>
            <div className="muted small">{t('org.termFrom', { from: formatDate(term.startedOn, lang) })}</div>
          </div>
          <Space wrap size={6}>
            {sections.map((section) => (
              <Button
                key={section}
                size="small"
                type={section === sections[0] ? 'primary' : 'default'}
                onClick={() => navigate(pathFor('term', { termId: term.id, section }))}
                data-testid={`committee-open-${section}`}
              >
                {t(`cm.section.${section}`)}
              </Button>
            ))}
          </Space>
        </div>
      ))}
    </Card>
  );
}

function NewOrganisationDialog({
  onClose,
  onCreated,
}: {
  readonly onClose: () => void;
  readonly onCreated: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form] = Form.useForm<{
    name: string;
    shortName: string;
    locality: string;
    level: OrganisationLevel;
  }>();
  return (
    <FormDialog
      title={t('cm.home.newOrganisation')}
      okText={t('orgx.create')}
      okId="organisation-create-ok"
      form={form}
      action={action}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'city' }}
        onFinish={(v) =>
          void action
            .run('create', () => call(createOrganisationEndpoint, { body: { ...v, parentId: null } }), {
              done: t('orgx.saved'),
              inline: true,
            })
            .then((ok) => ok && onCreated())
        }
      >
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
        >
          <Input maxLength={100} placeholder={t('cm.home.nameExample')} data-testid="organisation-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="shortName"
            label={t('org.shortName')}
            rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
          >
            <Input maxLength={20} placeholder={t('cm.home.shortExample')} data-testid="organisation-short" />
          </Form.Item>
          <Form.Item
            name="locality"
            label={t('org.locality')}
            rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
          >
            <Input
              maxLength={50}
              placeholder={t('cm.home.localityExample')}
              data-testid="organisation-locality"
            />
          </Form.Item>
        </Space>
        <Form.Item name="level" label={t('org.level')}>
          <Select
            options={ORGANISATION_LEVELS.map((level) => ({ value: level, label: t(`org.level.${level}`) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
