import { Alert, Card, Descriptions, Empty, Skeleton } from 'antd';
import {
  congressEndpoint,
  createOrganisationEndpoint,
  organisationsEndpoint,
  termsEndpoint,
} from '../../../../../contract/congress.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { rolesInEveryCongress } from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';
import { OrganisationActions } from './organisations/OrganisationActions.tsx';
import { TermCard } from './organisations/TermCard.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// The Party organisation whose congress this is, the higher committee it reports to [P6], and its
// terms (届) — of the committee and of the discipline commission — with who holds what in each.
// Organisations and terms serve every congress of the organisation, so the API gives them to those
// holding their role in every congress; anyone else is told so rather than shown an error.

export function Organisations({ congressId }: ConsoleSectionProps) {
  const { t } = useI18n();
  const { session } = useSession();
  // Organisations, terms and new congresses are the installation's: its administrators record them.
  const mayCreate = mayCall(createOrganisationEndpoint, new Set(rolesInEveryCongress(session)));
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const organisations = useEndpoint(organisationsEndpoint, {});
  const organisationId = congress.data?.organisationId;
  const terms = useEndpoint(
    termsEndpoint,
    organisationId && !organisations.error ? { params: { organisationId } } : null,
  );
  const organisation = organisations.data?.find((o) => o.id === organisationId);
  const parent = organisations.data?.find((o) => o.id === organisation?.parentId);
  // Terms in order, the current ones first: the committee, then the discipline commission.
  const shown = [...(terms.data ?? [])].sort(
    (a, b) => Number(a.endedOn !== null) - Number(b.endedOn !== null) || b.number - a.number,
  );

  if (organisations.error?.status === 403) {
    return (
      <div className="console-page">
        <h1 className="page-title">{t('console.section.organisations')}</h1>
        <Alert type="info" showIcon title={t('org.forbidden')} />
      </div>
    );
  }

  return (
    <div className="console-page" data-testid="organisations-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.organisations')}</h1>
        {mayCreate && organisation && congress.data && (
          <OrganisationActions
            organisation={organisation}
            congressNumber={congress.data.number}
            terms={terms.data ?? []}
            onChanged={() => {
              void organisations.reload();
              void terms.reload();
            }}
          />
        )}
      </div>
      <ErrorAlert error={congress.error ?? organisations.error} onRetry={() => void organisations.reload()} />
      {!organisation ? (
        <Skeleton active />
      ) : (
        <Card
          className="console-card"
          size="small"
          title={t('org.organisation')}
          data-testid="organisation-card"
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('org.name')} span="filled">
              <strong>{organisation.name}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('org.shortName')}>{organisation.shortName}</Descriptions.Item>
            <Descriptions.Item label={t('org.locality')}>{organisation.locality}</Descriptions.Item>
            <Descriptions.Item label={t('org.level')}>
              {t(`org.level.${organisation.level}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('org.parent')}>
              {parent
                ? t('org.parentName', { name: parent.name, level: t(`org.level.${parent.level}`) })
                : t('common.none')}
            </Descriptions.Item>
          </Descriptions>
          {parent && (
            <p className="muted small org-reports">{t('org.reportsTo', { parent: parent.shortName })}</p>
          )}
        </Card>
      )}
      <div className="console-section-head">
        <h2 className="section-title">{t('org.terms')}</h2>
      </div>
      <ErrorAlert error={terms.error} onRetry={() => void terms.reload()} />
      {terms.data && shown.length === 0 && (
        <Card className="console-card">
          <Empty description={t('org.noTerms')} />
        </Card>
      )}
      <div className="term-cards">
        {shown.map((term) => (
          <TermCard key={term.id} term={term} congressId={congressId} />
        ))}
      </div>
    </div>
  );
}
