import { SwapOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { addPositionEndpoint, type Position } from '../../../../../contract/congress.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import {
  type RegisterEntry,
  recordDepartureEndpoint,
  recordSuccessionEndpoint,
  registerEndpoint,
} from '../../../../../contract/register.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, joinList } from '../../lib/format.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { DepartureDialog, SuccessionDialog } from './register/ChangeDialogs.tsx';
import { RegisterEntryButtons } from './register/RegisterEntryButtons.tsx';
import type { TermSectionProps } from './term-section-props.ts';

// The term's register (名册): who leads (书记, 副书记, 常委 in the approved order), the members in
// surname-stroke order, the alternates in the succession order [T6]; vacated seats waiting for the
// first alternate [M5]; and who left, when and why. The office enters the lists and records each
// change; the register keeps its history (rows are never deleted once the term is under way).

const OFFICES: readonly Position[] = ['secretary', 'deputy-secretary', 'standing-member'];

type Dialog =
  | { readonly kind: 'departure'; readonly entry: { readonly id: string; readonly name: string } }
  | { readonly kind: 'succession'; readonly entry: RegisterEntry }
  | null;

export function RegisterSection({ termId, roles }: TermSectionProps) {
  const { t, lang } = useI18n();
  const register = useEndpoint(registerEndpoint, { params: { termId } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEnter = mayCall(addPositionEndpoint, roles);
  const canDepart = mayCall(recordDepartureEndpoint, roles);
  const canSucceed = mayCall(recordSuccessionEndpoint, roles);
  const data = register.data;
  const members = data?.people.filter((p) => p.standing === 'member') ?? [];
  const alternates = data?.people.filter((p) => p.standing === 'alternate') ?? [];
  const firstAlternate = alternates[0]?.name ?? null;
  const officeHolders = (position: Position) => data?.current.filter((e) => e.position === position) ?? [];

  return (
    <div className="console-page" data-testid="register-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('cm.section.register')}</h1>
        {canEnter && data && <RegisterEntryButtons register={data} onChanged={register.reload} />}
      </div>
      <ErrorAlert error={register.error} onRetry={() => void register.reload()} />
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <div className="cm-tiles" data-testid="register-counts">
            <div className="cm-tile">
              <span>{t('cm.reg.members')}</span>
              <strong data-testid="register-members">{data.counts.members}</strong>
            </div>
            <div className="cm-tile">
              <span>{t('cm.reg.alternates')}</span>
              <strong data-testid="register-alternates">{data.counts.alternates}</strong>
            </div>
            <div className="cm-tile">
              <span>{t('cm.reg.standing')}</span>
              <strong>
                {new Set(OFFICES.flatMap((p) => officeHolders(p).map((e) => e.personName))).size}
              </strong>
            </div>
            <div className="cm-tile">
              <span>{t('cm.reg.vacancies')}</span>
              <strong>{data.vacancies.length}</strong>
            </div>
          </div>

          <Card className="console-card" size="small" title={t('cm.reg.leadership')}>
            {OFFICES.every((p) => officeHolders(p).length === 0) ? (
              <span className="muted">{t('cm.reg.noLeadership')}</span>
            ) : (
              <dl className="cm-leaders" data-testid="register-leadership">
                {OFFICES.map((position) =>
                  officeHolders(position).length === 0 ? null : (
                    <div key={position} className="cm-leader-row">
                      <dt>{t(`cm.office.${position}`)}</dt>
                      <dd>
                        {officeHolders(position).map((entry) => (
                          <span key={entry.id} className="cm-leader-name">
                            {entry.personName}
                            {entry.reportingStatus === 'pending-approval' && (
                              <Tag color="gold">{t('org.status.pending-approval')}</Tag>
                            )}
                          </span>
                        ))}
                      </dd>
                    </div>
                  ),
                )}
              </dl>
            )}
          </Card>

          <Card
            className="console-card"
            size="small"
            title={
              <span>
                {t('cm.reg.memberList', { n: members.length })}
                <span className="muted small cm-order">{t('org.order.member')}</span>
              </span>
            }
          >
            {members.length === 0 ? (
              <Empty description={t('cm.reg.noMembers')} />
            ) : (
              <div className="term-names" data-testid="register-member-names">
                {members.map((person) => (
                  <span key={person.entryId} className="term-name" data-testid="register-person">
                    <span>{person.name}</span>
                    {person.offices.length > 0 && (
                      <span className="cm-office-mark">
                        {joinList(
                          person.offices.map((o) => t(`cm.mark.${o}`)),
                          lang,
                        )}
                      </span>
                    )}
                    {canDepart && (
                      <DepartButton
                        name={person.name}
                        onClick={() =>
                          setDialog({ kind: 'departure', entry: { id: person.entryId, name: person.name } })
                        }
                      />
                    )}
                  </span>
                ))}
              </div>
            )}
          </Card>

          <Card
            className="console-card"
            size="small"
            title={
              <span>
                {t('cm.reg.alternateList', { n: alternates.length })}
                <span className="muted small cm-order">{t('org.order.alternate')}</span>
              </span>
            }
          >
            {alternates.length === 0 ? (
              <Empty description={t('cm.reg.noAlternates')} />
            ) : (
              <div className="term-names" data-testid="register-alternate-names">
                {alternates.map((person) => (
                  <span key={person.entryId} className="term-name" data-testid="register-alternate">
                    <span className="term-rank">{person.alternateRank}</span>
                    <span>{person.name}</span>
                    {canDepart && (
                      <DepartButton
                        name={person.name}
                        onClick={() =>
                          setDialog({ kind: 'departure', entry: { id: person.entryId, name: person.name } })
                        }
                      />
                    )}
                  </span>
                ))}
              </div>
            )}
          </Card>

          {data.vacancies.length > 0 && (
            <Card className="console-card" size="small" title={t('cm.reg.vacancyList')}>
              {data.vacancies.map((entry) => (
                <div key={entry.id} className="cm-row" data-testid="register-vacancy">
                  <span>
                    <strong>{entry.personName}</strong>{' '}
                    <span className="muted">
                      {t('cm.reg.leftOn', {
                        date: formatDate(entry.leftOn, lang),
                        reason: entry.leftReason ?? '',
                      })}
                    </span>
                  </span>
                  {canSucceed && (
                    <Button
                      size="small"
                      icon={<SwapOutlined />}
                      disabled={!firstAlternate}
                      onClick={() => setDialog({ kind: 'succession', entry })}
                      data-testid="register-succeed"
                    >
                      {t('cm.reg.succeed')}
                    </Button>
                  )}
                </div>
              ))}
            </Card>
          )}

          <Card className="console-card" size="small" title={t('cm.reg.former')}>
            {data.former.length === 0 ? (
              <span className="muted">{t('cm.reg.noFormer')}</span>
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.former}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('cm.col.name'), dataIndex: 'personName' },
                  {
                    title: t('cm.col.position'),
                    dataIndex: 'position',
                    render: (p: Position) => t(`cm.office.${p}`),
                  },
                  {
                    title: t('cm.col.leftOn'),
                    dataIndex: 'leftOn',
                    render: (d: string | null) => formatDate(d, lang),
                  },
                  { title: t('cm.col.reason'), dataIndex: 'leftReason' },
                ]}
              />
            )}
          </Card>
        </>
      )}
      {dialog?.kind === 'departure' && (
        <DepartureDialog
          termId={termId}
          entry={dialog.entry}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            register.set(next);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'succession' && (
        <SuccessionDialog
          termId={termId}
          entry={dialog.entry}
          successor={firstAlternate ?? ''}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            register.set(next);
            setDialog(null);
          }}
        />
      )}
      {data && data.current.length === 0 && canEnter && <p className="muted">{t('cm.reg.startHint')}</p>}
    </div>
  );
}

/** The small button beside a name that records the person's departure from the register. */
function DepartButton({ name, onClick }: { readonly name: string; readonly onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="term-name-action"
      title={t('cm.reg.depart')}
      aria-label={`${t('cm.reg.depart')} ${name}`}
      onClick={onClick}
    >
      <UserDeleteOutlined />
    </button>
  );
}
