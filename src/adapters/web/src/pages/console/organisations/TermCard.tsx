import { CheckOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  approvePositionEndpoint,
  type PositionView,
  type TermView,
  termEndpoint,
  vacatePositionEndpoint,
} from '../../../../../../contract/congress.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { termSectionsFor } from '../../../lib/committee-sections.ts';
import { formatDate, hallToday } from '../../../lib/format.ts';
import { rolesFor } from '../../../lib/roles.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';
import { useSession } from '../../../lib/session.tsx';
import { NAME_GRID, positionGroups, successor } from '../../../lib/term-positions.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

// One term (届) of the committee or the discipline commission and who holds what in it, in
// published order: secretary, deputies and standing committee with the higher committee's
// approval [P6] (recorded here with its note), members in surname-stroke order, alternates in
// the succession order. A member's seat falling vacant is filled by the first alternate [P7][T6].

type Dialog = { readonly kind: 'approve' | 'vacate'; readonly position: PositionView } | null;

export function TermCard({ term, congressId }: { readonly term: TermView; readonly congressId: string }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const { session } = useSession();
  const { navigate } = useRouter();
  const loaded = useEndpoint(termEndpoint, { params: { termId: term.id } });
  // The committee's year between congresses: its register, meetings, topics and follow-up.
  const termPages = term.body === 'committee' ? termSectionsFor(rolesFor(session, undefined)) : [];
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const positions = loaded.data?.positions ?? [];
  const next = successor(positions);

  const confirm = async () => {
    if (!dialog) return;
    const { kind, position } = dialog;
    const done =
      kind === 'approve'
        ? t('org.approved', { name: position.personName })
        : next
          ? t('org.vacatedSucceeded', { name: position.personName, successor: next.personName })
          : t('org.vacated', { name: position.personName });
    const ok = await action.run(
      kind,
      () => {
        const params = { termId: term.id, positionId: position.id };
        return kind === 'approve'
          ? call(approvePositionEndpoint, { params, body: { note: note.trim() } })
          : call(vacatePositionEndpoint, { params });
      },
      { done, inline: true },
    );
    if (ok) {
      setDialog(null);
      setNote('');
      void loaded.reload();
    }
  };

  return (
    <Card
      className="console-card term-card"
      size="small"
      data-testid="term-card"
      data-term-id={term.id}
      title={<span className="term-title">{term.title}</span>}
      extra={
        <span className="term-tags">
          {term.electedByCongressId === congressId && <Tag color="red">{t('org.electedHere')}</Tag>}
          <Tag color={term.endedOn ? 'default' : 'green'}>
            {term.endedOn ? t('org.ended') : t('org.current')}
          </Tag>
        </span>
      }
    >
      <div className="muted term-dates">
        {term.endedOn
          ? t('org.termFromTo', {
              from: formatDate(term.startedOn, lang),
              to: formatDate(term.endedOn, lang),
            })
          : t('org.termFrom', { from: formatDate(term.startedOn, lang) })}
      </div>
      {termPages.length > 0 && (
        <Space wrap size={4} className="term-pages" data-testid="term-pages">
          {termPages.map((section) => (
            <Button
              key={section}
              size="small"
              onClick={() => navigate(pathFor('term', { termId: term.id, section }))}
              data-testid={`term-open-${section}`}
            >
              {t(`cm.section.${section}`)}
            </Button>
          ))}
        </Space>
      )}
      <ErrorAlert error={loaded.error} onRetry={() => void loaded.reload()} />
      {!loaded.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : positions.length === 0 ? (
        <p className="muted">{t('org.noPositions')}</p>
      ) : (
        positionGroups(positions).map((group) => (
          <section key={group.position} className="term-group" data-testid={`term-group-${group.position}`}>
            <h4 className="term-group-title">
              <span>{t(`org.position.${group.position}`, { n: group.people.length })}</span>
              <span className="muted small">{t(`org.order.${group.position}`)}</span>
            </h4>
            {NAME_GRID.has(group.position) ? (
              <div className="term-names">
                {group.people.map((person) => (
                  <span key={person.id} className="term-name" data-testid="term-person">
                    {group.position === 'alternate' && <span className="term-rank">{person.rank}</span>}
                    <span>{person.personName}</span>
                    {group.position === 'member' && (
                      <button
                        type="button"
                        className="term-name-action"
                        title={t('org.vacate')}
                        aria-label={`${t('org.vacate')} ${person.personName}`}
                        data-testid="org-vacate"
                        onClick={() => setDialog({ kind: 'vacate', position: person })}
                      >
                        <UserDeleteOutlined />
                      </button>
                    )}
                  </span>
                ))}
              </div>
            ) : (
              <div className="term-leaders">
                {group.people.map((person) => (
                  <div key={person.id} className="term-leader" data-testid="term-person">
                    <div className="term-leader-head">
                      <strong>{person.personName}</strong>
                      <ReportingStatus position={person} />
                    </div>
                    {person.reportingStatus === 'approved' && (
                      <div className="muted small">
                        {[
                          person.approvedAt && formatDate(hallToday(new Date(person.approvedAt)), lang),
                          person.approvalNote,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    )}
                    {person.reportingStatus === 'pending-approval' && (
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        onClick={() => setDialog({ kind: 'approve', position: person })}
                        data-testid="org-approve"
                      >
                        {t('org.approve')}
                      </Button>
                    )}
                  </div>
                ))}
              </div>
            )}
            {NAME_GRID.has(group.position) && <div className="muted small">{t('org.filed')}</div>}
          </section>
        ))
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'approve'
            ? t('org.approveTitle', { name: dialog.position.personName })
            : t('org.vacateTitle', { name: dialog?.position.personName ?? '' })
        }
        okText={dialog?.kind === 'approve' ? t('org.approve') : t('org.vacate')}
        cancelText={t('common.cancel')}
        okButtonProps={{
          danger: dialog?.kind === 'vacate',
          disabled: dialog?.kind === 'approve' && note.trim() === '',
          loading: action.busy !== undefined,
          id: 'org-dialog-ok',
        }}
        onOk={() => void confirm()}
        onCancel={() => {
          setDialog(null);
          action.clearError();
        }}
        destroyOnHidden
      >
        <ErrorAlert error={action.error} />
        {dialog?.kind === 'approve' ? (
          <>
            <p>{t('org.approveExplain')}</p>
            <div className="field-label">{t('org.approvalNote')}</div>
            <Input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              placeholder={t('org.approvalNoteExample')}
              data-testid="org-approval-note"
            />
          </>
        ) : (
          <p>
            {next
              ? t('org.vacateExplain', {
                  name: dialog?.position.personName ?? '',
                  successor: next.personName,
                })
              : t('org.vacateNoSuccessor', { name: dialog?.position.personName ?? '' })}
          </p>
        )}
      </Modal>
    </Card>
  );
}

/** [P6] Filed with the higher committee, waiting for its approval, or approved. */
function ReportingStatus({ position }: { readonly position: PositionView }) {
  const { t } = useI18n();
  if (position.reportingStatus === 'approved') return <Tag color="green">{t('org.status.approved')}</Tag>;
  if (position.reportingStatus === 'pending-approval')
    return <Tag color="gold">{t('org.status.pending-approval')}</Tag>;
  if (position.reportingStatus === 'filed') return <Tag>{t('org.status.filed')}</Tag>;
  return null;
}
