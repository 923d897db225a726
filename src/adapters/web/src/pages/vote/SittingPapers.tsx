import { FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { api, congressUrl } from '../../lib/api.ts';
import type { AdoptionVote, AgendaItem } from '../../lib/setup-types.ts';
import type { SittingView } from '../../lib/types.ts';
import { useApi } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';

// The delegate's sitting: its documents (reports and their texts, attachments) to read on the
// phone, and a vote taken electronically on an agenda item (赞成 / 不赞成 / 弃权), once, while the
// presiding officer has it open. The sitting under way is shown first; others can be chosen.

type Choice = 'for' | 'against' | 'abstain';
const CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];

export function SittingPapers({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const sittings = useApi<SittingView[]>(congressUrl(congressId, '/sittings'));
  const [chosen, setChosen] = useState<string>();
  const list = sittings.data ?? [];
  const sittingId = chosen ?? (list.find((s) => s.status === 'open') ?? list[0])?.id;
  const agenda = useApi<AgendaItem[]>(
    sittingId ? congressUrl(congressId, `/sittings/${encodeURIComponent(sittingId)}/agenda`) : null,
  );
  useCongressEvents(congressId, {
    // A sitting opened or closed, a vote opened or closed: the list and its items change.
    congress: () => {
      void sittings.reload();
      void agenda.reload();
    },
  });
  const items = agenda.data ?? [];
  const openVotes = items.filter((i) => i.vote?.mode === 'electronic' && i.vote.state === 'voting');

  return (
    <Card
      className="vote-papers"
      title={
        <span>
          <FileTextOutlined /> {t('papers.title')}
        </span>
      }
      data-testid="vote-papers"
      extra={
        list.length > 1 && (
          <Select
            size="small"
            value={sittingId}
            onChange={setChosen}
            popupMatchSelectWidth={false}
            options={list.map((s) => ({ value: s.id, label: s.title }))}
            aria-label={t('papers.sitting')}
            data-testid="vote-papers-sitting"
          />
        )
      }
    >
      <ErrorAlert error={sittings.error ?? agenda.error} onRetry={() => void agenda.reload()} />
      {openVotes.map((item) => (
        <AdoptionBallot key={item.vote!.id} congressId={congressId} vote={item.vote!} />
      ))}
      {items.length === 0 ? (
        <Empty description={t('papers.none')} />
      ) : (
        <Collapse
          size="small"
          items={items.map((item) => ({
            key: item.id,
            label: (
              <span data-testid="vote-paper" data-item={item.title}>
                {item.title}
                {item.presenter && <span className="muted small"> · {item.presenter}</span>}
              </span>
            ),
            children: (
              <div className="vote-paper-text">
                {item.body ? (
                  <p className="vote-paper-body">{item.body}</p>
                ) : (
                  <p className="muted">{t('papers.noText')}</p>
                )}
                {item.attachments.map((a) => (
                  <div key={a.url}>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      <PaperClipOutlined /> {a.name}
                    </a>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** One open electronic adoption vote: three choices, a confirmation, then "you have voted". */
function AdoptionBallot({ congressId, vote }: { readonly congressId: string; readonly vote: AdoptionVote }) {
  const { t } = useI18n();
  const url = congressUrl(congressId, `/adoption-votes/${encodeURIComponent(vote.id)}`);
  const mine = useApi<AdoptionVote & { youVoted?: boolean }>(url);
  const action = useAction();
  const [choice, setChoice] = useState<Choice>();
  const [castNow, setCastNow] = useState(false);
  const voted = castNow || mine.data?.youVoted === true;
  const cast = async () => {
    if (!choice) return;
    const ok = await action.run('cast', () => api.post(`${url}/ballots`, { choice }), { inline: true });
    if (ok) setCastNow(true);
  };
  return (
    <Alert
      className="vote-adoption"
      type={voted ? 'success' : 'warning'}
      data-testid="vote-adoption"
      data-voted={voted}
      title={<strong>{t('papers.voteOn', { subject: vote.subject })}</strong>}
      description={
        voted ? (
          <span data-testid="vote-adoption-done">{t('papers.voted')}</span>
        ) : (
          <Space orientation="vertical" size={8}>
            <Space wrap>
              {CHOICES.map((c) => (
                <Button
                  key={c}
                  size="large"
                  type={choice === c ? 'primary' : 'default'}
                  onClick={() => setChoice(c)}
                  aria-pressed={choice === c}
                  data-choice={c}
                >
                  {t(`papers.choice.${c}`)}
                </Button>
              ))}
            </Space>
            <Popconfirm
              title={choice ? t('papers.confirm', { choice: t(`papers.choice.${choice}`) }) : ''}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void cast()}
              okButtonProps={{ 'data-testid': 'vote-adoption-confirm' }}
              disabled={!choice}
            >
              <Button
                type="primary"
                disabled={!choice}
                loading={action.busy === 'cast'}
                data-testid="vote-adoption-cast"
              >
                {t('papers.cast')}
              </Button>
            </Popconfirm>
            <ErrorAlert error={action.error} />
            {vote.expected !== null && (
              <Tag>{t('papers.turnout', { n: vote.voted, present: vote.present ?? 0 })}</Tag>
            )}
          </Space>
        )
      }
    />
  );
}
