import { useState } from 'react';
import {
  ADOPTION_CHOICES,
  type AdoptionChoice,
  type AdoptionVoteView,
  adoptionVoteEndpoint,
  agendaEndpoint,
  castAdoptionBallotEndpoint,
  sittingsEndpoint,
} from '../../../../../contract/procedure.ts';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Button, ErrorNote, Note, Panel } from './vote-ui.tsx';

// The delegate's sitting: its documents (reports and their texts, attachments) to read on the
// phone, and a vote taken electronically on an agenda item (赞成 / 不赞成 / 弃权), once, while the
// presiding officer has it open. The sitting under way is shown first; others can be chosen.

export function SittingPapers({ congressId }: { readonly congressId: string }) {
  const { t } = useVoteI18n();
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const [chosen, setChosen] = useState<string>();
  const list = sittings.data ?? [];
  const sittingId = chosen ?? (list.find((s) => s.status === 'open') ?? list[0])?.id;
  const agenda = useEndpoint(agendaEndpoint, sittingId ? { params: { congressId, sittingId } } : null);
  const reload = () => {
    void sittings.reload();
    void agenda.reload();
  };
  useCongressEvents(congressId, {
    // A sitting opened or closed, a vote opened or closed: the list and its items change.
    congress: reload,
    // What changed before the stream was connected (a vote opened while the page was loading,
    // or while the phone was off the network) is not replayed: read it again.
    onOpen: reload,
  });
  const items = agenda.data ?? [];
  const openVotes = items.filter((i) => i.vote?.mode === 'electronic' && i.vote.state === 'voting');

  return (
    <Panel
      className="vote-papers"
      title={t('papers.title')}
      data-testid="vote-papers"
      extra={
        list.length > 1 && (
          <select
            className="v-input v-small"
            value={sittingId}
            onChange={(e) => setChosen(e.target.value)}
            aria-label={t('papers.sitting')}
            data-testid="vote-papers-sitting"
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        )
      }
    >
      <ErrorNote error={sittings.error ?? agenda.error} onRetry={() => void agenda.reload()} />
      {openVotes.map((item) => (
        <AdoptionBallot key={item.vote!.id} congressId={congressId} vote={item.vote!} />
      ))}
      {items.length === 0 ? (
        <p className="v-empty">{t('papers.none')}</p>
      ) : (
        <div className="vote-paper-list">
          {items.map((item) => (
            <details key={item.id} className="vote-paper-item">
              <summary data-testid="vote-paper" data-item={item.title}>
                {item.title}
                {item.presenter && <span className="muted small"> · {item.presenter}</span>}
              </summary>
              <div className="vote-paper-text">
                {item.body ? (
                  <p className="vote-paper-body">{item.body}</p>
                ) : (
                  <p className="muted">{t('papers.noText')}</p>
                )}
                {item.attachments.map((a) => (
                  <div key={a.url}>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      📎 {a.name}
                    </a>
                  </div>
                ))}
              </div>
            </details>
          ))}
        </div>
      )}
    </Panel>
  );
}

/** One open electronic adoption vote: three choices, a confirmation, then "you have voted". */
function AdoptionBallot({
  congressId,
  vote,
}: {
  readonly congressId: string;
  readonly vote: AdoptionVoteView;
}) {
  const { t } = useVoteI18n();
  const params = { congressId, voteId: vote.id };
  const mine = useEndpoint(adoptionVoteEndpoint, { params });
  const [choice, setChoice] = useState<AdoptionChoice>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [castNow, setCastNow] = useState(false);
  const voted = castNow || mine.data?.youVoted === true;
  const cast = async () => {
    if (!choice) return;
    setBusy(true);
    setError(undefined);
    try {
      await call(castAdoptionBallotEndpoint, { params, body: { choice } });
      setCastNow(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Note
      className="vote-adoption"
      tone={voted ? 'success' : 'warning'}
      data-testid="vote-adoption"
      data-voted={voted}
      title={t('papers.voteOn', { subject: vote.subject })}
    >
      {voted ? (
        <span data-testid="vote-adoption-done">{t('papers.voted')}</span>
      ) : (
        <div className="v-stack">
          <div className="v-choices">
            {ADOPTION_CHOICES.map((c) => (
              <Button
                key={c}
                primary={choice === c}
                onClick={() => {
                  setChoice(c);
                  setConfirming(false);
                }}
                aria-pressed={choice === c}
                data-choice={c}
              >
                {t(`papers.choice.${c}`)}
              </Button>
            ))}
          </div>
          {confirming && choice ? (
            <div className="v-confirm" role="alertdialog">
              <p>{t('papers.confirm', { choice: t(`papers.choice.${choice}`) })}</p>
              <div className="v-row">
                <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                <Button primary busy={busy} onClick={() => void cast()} data-testid="vote-adoption-confirm">
                  {t('common.confirm')}
                </Button>
              </div>
            </div>
          ) : (
            <Button
              primary
              disabled={!choice}
              onClick={() => setConfirming(true)}
              data-testid="vote-adoption-cast"
            >
              {t('papers.cast')}
            </Button>
          )}
          <ErrorNote error={error} />
          {vote.expected !== null && (
            <span className="v-tag">
              {t('papers.turnout', { n: vote.voted, present: vote.present ?? 0 })}
            </span>
          )}
        </div>
      )}
    </Note>
  );
}
