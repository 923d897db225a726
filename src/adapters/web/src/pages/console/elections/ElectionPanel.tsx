import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Tag } from 'antd';
import type { PositionView } from '../../../../../../contract/congress.ts';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import { electedListPdfEndpoint, LIST_DRAFT_ROLES } from '../../../../../../contract/documents.ts';
import {
  type ElectionView,
  setBallotModeEndpoint,
  setCandidatesEndpoint,
  setOfficersEndpoint,
} from '../../../../../../contract/elections.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { urlOf } from '../../../lib/api.ts';
import { hasAny, type Role } from '../../../lib/roles.ts';
import { BallotModeSwitch } from './BallotModeSwitch.tsx';
import { CandidateEditor } from './CandidateEditor.tsx';
import { ELECTION_STATUS_COLOR } from './ElectionTable.tsx';
import { OfficersEditor } from './OfficersEditor.tsx';
import { RoundsPanel } from './RoundsPanel.tsx';

/** One election: its candidate list, its scrutineers and tellers, its rounds. */
export function ElectionPanel({
  congressId,
  election,
  delegates,
  roles,
  reporting,
  onChanged,
}: {
  readonly congressId: string;
  readonly election: ElectionView;
  readonly delegates: readonly DelegateView[];
  readonly roles: ReadonlySet<Role>;
  readonly reporting: readonly PositionView[];
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const preparing = election.status === 'preparing';
  // A prepared round (ballots printed) fixes the list and the kind of ballot until it is withdrawn.
  const prepared = election.rounds.some((round) => round.status === 'prepared');
  return (
    <Card className="console-card" data-testid="election-panel" data-election-id={election.id}>
      <div className="election-head">
        <h2 className="election-name">{election.title}</h2>
        <Space wrap size={4}>
          <Tag>{t('el.seatsN', { n: election.chain.seats })}</Tag>
          <Tag>{t(`el.candidacy.${election.parameters.candidacy}`)}</Tag>
          <BallotModeSwitch
            congressId={congressId}
            electionId={election.id}
            mode={election.ballotMode}
            canChange={mayCall(setBallotModeEndpoint, roles) && preparing && !prepared}
            onChanged={onChanged}
          />
          <Tag color={ELECTION_STATUS_COLOR[election.status]}>{t(`el.status.${election.status}`)}</Tag>
        </Space>
        {hasAny(roles, LIST_DRAFT_ROLES) && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={urlOf(electedListPdfEndpoint, { params: { congressId, electionId: election.id } })}
            target="_blank"
            rel="noopener"
            className="election-pdf"
            data-testid="list-pdf"
          >
            {t('el.listPdf')}
          </Button>
        )}
      </div>
      <Tabs
        defaultActiveKey={preparing ? 'candidates' : 'rounds'}
        items={[
          {
            key: 'candidates',
            label: t('el.tab.candidates'),
            children: (
              <CandidateEditor
                congressId={congressId}
                election={election}
                delegates={delegates}
                canEdit={mayCall(setCandidatesEndpoint, roles) && preparing && !prepared}
                onSaved={onChanged}
              />
            ),
          },
          {
            key: 'officers',
            label: t('el.tab.officers'),
            children: (
              <OfficersEditor
                congressId={congressId}
                election={election}
                delegates={delegates}
                canEdit={mayCall(setOfficersEndpoint, roles)}
                onSaved={onChanged}
              />
            ),
          },
          {
            key: 'rounds',
            label: t('el.tab.rounds', { n: election.rounds.length }),
            children: (
              <RoundsPanel
                congressId={congressId}
                election={election}
                roles={roles}
                reporting={reporting}
                onChanged={onChanged}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
