import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { congressUrl } from '../../../lib/api.ts';
import { hasAny, type Role } from '../../../lib/roles.ts';
import type { ElectionDetail, TermPosition } from '../../../lib/setup-types.ts';
import type { DelegateView } from '../../../lib/types.ts';
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
  readonly election: ElectionDetail;
  readonly delegates: readonly DelegateView[];
  readonly roles: ReadonlySet<Role>;
  readonly reporting: readonly TermPosition[];
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const isAdmin = roles.has('admin');
  const preparing = election.status === 'preparing';
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
            canChange={isAdmin && preparing}
            onChanged={onChanged}
          />
          <Tag color={ELECTION_STATUS_COLOR[election.status]}>{t(`el.status.${election.status}`)}</Tag>
        </Space>
        {hasAny(roles, ['admin', 'presiding']) && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={congressUrl(congressId, `/elections/${encodeURIComponent(election.id)}/list.pdf`)}
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
                canEdit={isAdmin && preparing}
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
                canEdit={isAdmin}
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
