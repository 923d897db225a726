import { EditOutlined, NodeIndexOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { congressEndpoint } from '../../../../../../contract/congress.ts';
import {
  type Decision,
  outcomesEndpoint,
  recordDecisionEndpoint,
  setConclusionsEndpoint,
  setSpeechesEndpoint,
} from '../../../../../../contract/decisions.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import { createTaskEndpoint } from '../../../../../../contract/follow-up.ts';
import { meetingEndpoint } from '../../../../../../contract/meetings.ts';
import { meetingTopicsEndpoint } from '../../../../../../contract/topics.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useEndpoint } from '../../../lib/use-api.ts';
import { NewTaskDialog, type TaskSource } from '../../committee/follow-up/NewTaskDialog.tsx';
import type { ConsoleSectionProps } from '../section-props.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { ConclusionsEditor, SpeechesEditor } from './OutcomeEditors.tsx';

// What the meeting concluded and decided [M6]: the conclusions in order with their verbs, the
// speeches, the decisions with their votes and the [M4] verdict (cadre decisions one person at a
// time [M3]); each adopted decision or conclusion can be turned into a follow-up task (督办).

type Dialog =
  | { readonly kind: 'conclusions' | 'speeches' }
  | { readonly kind: 'decision'; readonly decision?: Decision; readonly cadre?: boolean }
  | { readonly kind: 'task'; readonly source: TaskSource }
  | null;

const STATUS_COLOR = { adopted: 'green', rejected: 'red', deferred: 'orange' } as const;

/** A decision's title as documents name it: 《中共衢州市委关于…的决定》. */
function bookTitle(title: string): string {
  return /^《.*》$/.test(title) ? title : `《${title}》`;
}

export function MeetingOutcomes({ congressId, roles }: ConsoleSectionProps) {
  const { t, lang } = useI18n();
  const meeting = useEndpoint(meetingEndpoint, { params: { congressId } });
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const outcomes = useEndpoint(outcomesEndpoint, { params: { congressId } });
  const agenda = useEndpoint(meetingTopicsEndpoint, { params: { congressId } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const m = meeting.data;
  const o = outcomes.data;
  const topics = agenda.data ?? [];
  const topicTitle = (id: string | null) => topics.find((topic) => topic.id === id)?.title;
  const subject = m ? t(`cm.subject.${m.committee}`) : '';
  const toTask = mayCall(createTaskEndpoint, roles);
  const reload = () => {
    void outcomes.reload();
    void agenda.reload();
    void meeting.reload();
  };

  return (
    <div className="console-page" data-testid="meeting-outcomes">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.outcomes')}</h1>
      </div>
      <ErrorAlert error={outcomes.error ?? meeting.error} onRetry={reload} />
      {!o || !m ? (
        <Skeleton active />
      ) : (
        <>
          <EditableCard
            title={t('cm.oc.conclusions', { n: o.conclusions.length })}
            testId="conclusions"
            onEdit={
              mayCall(setConclusionsEndpoint, roles) ? () => setDialog({ kind: 'conclusions' }) : undefined
            }
          >
            {o.conclusions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.oc.noConclusions')} />
            ) : (
              <ol className="cm-conclusions">
                {o.conclusions.map((c) => (
                  <li key={c.id} data-testid="conclusion" data-verb={c.verb}>
                    <div className="cm-conclusion-head">
                      <Tag color={c.verb === 'stressed' || c.verb === 'required' ? 'red' : 'default'}>
                        {t('cm.oc.lead', { subject, verb: t(`cm.verb.${c.verb}`) })}
                      </Tag>
                      {c.topicId && <span className="muted small">{topicTitle(c.topicId)}</span>}
                      {toTask && (
                        <Button
                          size="small"
                          type="link"
                          icon={<NodeIndexOutlined />}
                          onClick={() => setDialog({ kind: 'task', source: `c:${c.id}` })}
                          data-testid="conclusion-task"
                        >
                          {t('cm.oc.toTask')}
                        </Button>
                      )}
                    </div>
                    <p className="cm-conclusion-text">{c.text}</p>
                    {lang === 'en' && c.textEn && (
                      <p className="muted small cm-conclusion-text" lang="en">
                        {c.textEn}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </EditableCard>

          <EditableCard
            title={t('cm.oc.speeches', { n: o.speeches.length })}
            testId="speeches"
            onEdit={mayCall(setSpeechesEndpoint, roles) ? () => setDialog({ kind: 'speeches' }) : undefined}
          >
            {o.speeches.length === 0 ? (
              <span className="muted">{t('cm.oc.noSpeeches')}</span>
            ) : (
              o.speeches.map((s) => (
                <div key={s.id} className="cm-row" data-testid="speech">
                  <span>
                    <strong>{s.speaker}</strong>
                    {s.capacity && <span className="muted">（{s.capacity}）</span>}{' '}
                    {t('cm.oc.spokeOn', { subject: s.subject })}
                    {s.moment === 'closing' && (
                      <Tag color="red" className="cm-tag-gap">
                        {t('cm.oc.closing')}
                      </Tag>
                    )}
                    {lang === 'en' && s.subjectEn && <div className="muted small">{s.subjectEn}</div>}
                  </span>
                </div>
              ))
            )}
          </EditableCard>

          <Card
            className="console-card"
            size="small"
            title={t('cm.oc.decisions', { n: o.decisions.length })}
            data-testid="decisions"
            extra={
              mayCall(recordDecisionEndpoint, roles) && (
                <Space wrap>
                  <Button
                    icon={<UserSwitchOutlined />}
                    onClick={() => setDialog({ kind: 'decision', cadre: true })}
                    data-testid="decision-cadre"
                  >
                    {t('cm.dec.cadreTitle')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setDialog({ kind: 'decision' })}
                    data-testid="decision-new"
                  >
                    {t('cm.dec.recordTitle')}
                  </Button>
                </Space>
              )
            }
          >
            {o.decisions.length === 0 ? (
              <span className="muted">{t('cm.dec.none')}</span>
            ) : (
              o.decisions.map((d) => (
                <div key={d.id} className="cm-decision" data-testid="decision-row" data-status={d.status}>
                  <div className="cm-decision-main">
                    <div className="cm-decision-title">
                      {d.kind === 'cadre' && <Tag color="purple">{t('cm.dec.kind.cadre')}</Tag>}
                      <strong>{d.kind === 'cadre' ? d.title : bookTitle(d.title)}</strong>
                      {d.person && <strong> · {d.person}</strong>}
                      {lang === 'en' && d.titleEn && <div className="muted small">{d.titleEn}</div>}
                    </div>
                    <div className="cm-decision-vote">
                      <Tag color={STATUS_COLOR[d.status]} data-testid="decision-verdict-tag">
                        {t(`cm.dec.status.${d.status}`)}
                      </Tag>
                      {d.votesFor !== null && (
                        <span data-testid="decision-votes">
                          {t('cm.dec.voteLine', {
                            for: d.votesFor,
                            against: d.votesAgainst ?? 0,
                            abstain: d.votesAbstain ?? 0,
                          })}
                          （{t(`cm.method.${d.votingMethod}`)}）
                        </span>
                      )}
                    </div>
                    {d.verdict && (
                      <div className="muted small" data-testid="decision-verdict">
                        [{d.verdict.rule}] {t('cm.dec.rule', { n: d.verdict.minimumFor })}
                        {' · '}
                        {t('cm.dec.dueLine', { due: d.membersDue, present: d.present })}
                      </div>
                    )}
                  </div>
                  <Space size={4} wrap className="cm-decision-actions">
                    {mayCall(recordDecisionEndpoint, roles) && (
                      <Button size="small" onClick={() => setDialog({ kind: 'decision', decision: d })}>
                        {t('cm.dec.correct')}
                      </Button>
                    )}
                    {toTask && d.status === 'adopted' && (
                      <Button
                        size="small"
                        icon={<NodeIndexOutlined />}
                        onClick={() => setDialog({ kind: 'task', source: `d:${d.id}` })}
                        data-testid="decision-task"
                      >
                        {t('cm.oc.toTask')}
                      </Button>
                    )}
                  </Space>
                </div>
              ))
            )}
          </Card>
        </>
      )}
      {m && o && dialog?.kind === 'conclusions' && (
        <ConclusionsEditor
          meetingId={congressId}
          committee={m.committee}
          conclusions={o.conclusions}
          topics={topics}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            outcomes.set(next);
            setDialog(null);
          }}
        />
      )}
      {m && o && dialog?.kind === 'speeches' && (
        <SpeechesEditor
          meetingId={congressId}
          speeches={o.speeches}
          topics={topics}
          onClose={() => setDialog(null)}
          onSaved={(next) => {
            outcomes.set(next);
            setDialog(null);
          }}
        />
      )}
      {m && dialog?.kind === 'decision' && (
        <DecisionForm
          meeting={m}
          topics={topics}
          {...(dialog.decision ? { decision: dialog.decision } : {})}
          cadre={dialog.cadre === true}
          onClose={() => setDialog(null)}
          onSaved={reload}
        />
      )}
      {m && congress.data && dialog?.kind === 'task' && (
        <NewTaskDialog
          termId={m.termId}
          organisationId={congress.data.organisationId}
          meetingId={congressId}
          source={dialog.source}
          onClose={() => setDialog(null)}
          onCreated={() => setDialog(null)}
        />
      )}
    </div>
  );
}

/** A card of the meeting's outcomes with its 编辑 button, for those who may edit it. */
function EditableCard({
  title,
  testId,
  onEdit,
  children,
}: {
  readonly title: string;
  readonly testId: string;
  readonly onEdit: (() => void) | undefined;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      className="console-card"
      size="small"
      title={title}
      data-testid={testId}
      extra={
        onEdit && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid={`${testId}-edit`}>
            {t('cm.edit')}
          </Button>
        )
      }
    >
      {children}
    </Card>
  );
}
