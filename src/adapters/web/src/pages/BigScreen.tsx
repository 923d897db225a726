import { useCallback, useEffect, useRef, useState } from 'react';
import { Gauge } from '../components/Gauge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { congressUrl } from '../lib/api.ts';
import {
  type AnnouncedResult,
  applyResult,
  applyVoting,
  type ElectionState,
  EMPTY_STATE,
  electionView,
  loadElectionState,
  type RoundInProgress,
  rememberElection,
} from '../lib/elections.ts';
import { formatDate, formatHallTime, hallToday } from '../lib/format.ts';
import { hasAny, LIST_ELECTIONS, rolesFor } from '../lib/roles.ts';
import { useRouter } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import type {
  AttendanceCounts,
  CongressBasics,
  CurrentAttendance,
  ResultEvent,
  VotingEvent,
} from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';

// The hall's big screen (大屏幕): a 1920×1080 stage scaled to the display, readable from the back
// of the hall. Attendance on top; below, the vote under way with its progress, or the latest
// announced result, or the presiding officer's attendance sentence. Everything follows the event
// stream; nothing here needs a login.

const STAGE_W = 1920;
const STAGE_H = 1080;

function useStageScale(): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const rescale = () => setScale(Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H));
    rescale();
    window.addEventListener('resize', rescale);
    return () => window.removeEventListener('resize', rescale);
  }, []);
  return scale;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function BigScreen({ congressId }: { readonly congressId: string }) {
  const { t, lang } = useI18n();
  const { search } = useRouter();
  const pinned = search.get('sitting');
  const scale = useStageScale();
  const now = useClock();
  const basics = useApi<CongressBasics>(congressUrl(congressId, '/public'));
  const current = useApi<CurrentAttendance>(congressUrl(congressId, '/attendance/public-counts'));
  const [sittings, setSittings] = useState<readonly AttendanceCounts[]>([]);
  const [elections, setElections] = useState<ElectionState>(EMPTY_STATE);
  const titles = useRef(new Map<string, string>());
  const { session, loading: sessionLoading } = useSession();
  const canList = hasAny(rolesFor(session, congressId), LIST_ELECTIONS);

  useEffect(() => {
    if (current.data) setSittings(current.data.sittings);
  }, [current.data]);

  const reloadElections = useCallback(async () => {
    if (sessionLoading) return;
    const state = await loadElectionState(congressId, { canList });
    for (const e of state.elections) titles.current.set(e.id, e.title);
    setElections(state);
  }, [congressId, canList, sessionLoading]);

  useEffect(() => {
    void reloadElections();
  }, [reloadElections]);

  const titleOf = useCallback(
    async (electionId: string) => {
      const known = titles.current.get(electionId);
      if (known) return known;
      try {
        const view = await electionView(congressId, electionId);
        titles.current.set(electionId, view.title);
        return view.title;
      } catch {
        return '';
      }
    },
    [congressId],
  );

  const live = useCongressEvents(congressId, {
    snapshot: (data) => setSittings((data as CurrentAttendance).sittings),
    attendance: (data) => {
      const next = data as AttendanceCounts;
      setSittings((list) => {
        if (list.some((s) => s.sittingId === next.sittingId))
          return list.map((s) => (s.sittingId === next.sittingId ? next : s));
        // A sitting that opened since: the counts endpoint decides which sittings the screen shows.
        void current.reload();
        return list;
      });
    },
    voting: (data) => {
      const event = data as VotingEvent;
      if ('electionId' in event && event.electionId) rememberElection(congressId, event.electionId);
      let needsReload = false;
      setElections((state) => {
        const next = applyVoting(state, event);
        if (next === 'reload') {
          needsReload = true;
          return state;
        }
        return next;
      });
      if (needsReload || ('status' in event && event.status === 'open')) void reloadElections();
    },
    result: (data) => {
      const event = data as ResultEvent;
      rememberElection(congressId, event.electionId);
      void titleOf(event.electionId).then((title) => {
        setElections((state) => applyResult(state, event, title));
        void reloadElections();
      });
    },
    congress: () => {
      void current.reload();
      void reloadElections();
    },
    onOpen: () => void reloadElections(),
  });

  const counts =
    (pinned ? sittings.find((s) => s.sittingId === pinned) : undefined) ??
    sittings.find((s) => s.sittingStatus === 'open') ??
    sittings[0];
  const voting = elections.inProgress.find((r) => r.status === 'open') ?? elections.inProgress[0];
  const latest = [...elections.results].sort((a, b) =>
    (a.announcedAt ?? '').localeCompare(b.announcedAt ?? ''),
  )[elections.results.length - 1];

  return (
    <div className="screen-viewport" data-testid="big-screen">
      <div
        className={`screen-stage lang-${lang}`}
        style={{
          width: STAGE_W,
          height: STAGE_H,
          transform: `translate(-50%, -50%) scale(${scale})`,
        }}
      >
        <header className="screen-header">
          <div className="screen-stars" aria-hidden="true">
            ★
          </div>
          <h1 className="screen-title" data-testid="screen-title">
            {basics.data?.title ?? ''}
          </h1>
          <div className="screen-subtitle">
            <span>{counts?.sittingTitle ?? ''}</span>
            <span className="screen-date">
              {formatDate(hallToday(now), lang)} {formatHallTime(now.toISOString())}
            </span>
            <span
              role="img"
              className={`screen-live live-${live}`}
              title={t(`live.${live}`)}
              aria-label={t(`live.${live}`)}
              data-testid="live-status"
              data-status={live}
            />
          </div>
        </header>

        <section className="screen-attendance" data-testid="screen-attendance">
          {counts ? (
            <>
              <div className="screen-section-label">{t('screen.attendance')}</div>
              <div className="screen-numbers">
                <ScreenNumber label={t('att.expected')} value={counts.expected} testid="screen-expected" />
                <ScreenNumber label={t('att.leave')} value={counts.onLeave.total} testid="screen-leave" />
                <ScreenNumber
                  label={t('att.present')}
                  value={counts.present}
                  testid="screen-present"
                  strong
                />
                <div
                  className={counts.quorum.met ? 'screen-quorum met' : 'screen-quorum not-met'}
                  data-testid="screen-quorum"
                  data-met={counts.quorum.met}
                >
                  <div className="screen-quorum-verdict">
                    {counts.quorum.met ? t('att.quorumMet') : t('att.quorumNotMet')}
                  </div>
                  <div className="screen-quorum-detail">
                    {t('att.quorumMin', {
                      fraction: counts.quorum.fraction,
                      n: counts.quorum.minimumPresent,
                    })}
                  </div>
                </div>
              </div>
            </>
          ) : (
            <div className="screen-message">{current.loading ? '' : t('att.noSitting')}</div>
          )}
        </section>

        <section className="screen-main">
          {voting ? (
            <VotingPanel round={voting} />
          ) : latest ? (
            <ResultsPanel
              result={latest}
              electedInElection={elections.results
                .filter((r) => r.electionId === latest.electionId)
                .reduce((n, r) => n + r.elected.length, 0)}
            />
          ) : (
            <div className="screen-idle" data-testid="screen-idle">
              <div className="screen-summary">
                {counts
                  ? lang === 'zh'
                    ? counts.summary.zh
                    : t(counts.quorum.met ? 'screen.summaryMet' : 'screen.summaryNotMet', {
                        expected: counts.expected,
                        leave: counts.onLeave.total,
                        present: counts.present,
                        minimum: counts.quorum.minimumPresent,
                      })
                  : ''}
              </div>
              <div className="screen-welcome">{t('screen.waiting')}</div>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function ScreenNumber({
  label,
  value,
  strong = false,
  testid,
}: {
  readonly label: string;
  readonly value: number;
  readonly strong?: boolean;
  readonly testid: string;
}) {
  return (
    <div className={strong ? 'screen-number strong' : 'screen-number'}>
      <div className="screen-number-label">{label}</div>
      <div className="screen-number-value" data-testid={testid}>
        {value}
      </div>
    </div>
  );
}

function roundLabel(t: ReturnType<typeof useI18n>['t'], seq: number, kind: string): string {
  const kindText = t(`round.kind.${kind as 'formal'}`);
  return seq > 0 ? `${t('screen.round', { n: seq })} · ${kindText}` : kindText;
}

function VotingPanel({ round }: { readonly round: RoundInProgress }) {
  const { t } = useI18n();
  const electors = round.present;
  const electronic = round.mode === 'electronic';
  const voted = round.voted ?? 0;
  return (
    <div className="screen-voting" data-testid="screen-voting" data-round={round.roundId}>
      <div className="screen-voting-head">
        <div className="screen-section-label">{t('screen.voting')}</div>
        <div className="screen-election-title">{round.electionTitle}</div>
        <div className="screen-round">{roundLabel(t, round.seq, round.kind)}</div>
      </div>
      <div className="screen-voting-body">
        {electronic && round.status === 'open' ? (
          <>
            <Gauge value={voted} max={electors} size={400} />
            <div className="screen-voting-figures">
              <div className="screen-figure">
                <span className="screen-figure-label">{t('screen.voted')}</span>
                <span className="screen-figure-value" data-testid="screen-voted">
                  {voted}
                </span>
              </div>
              <div className="screen-figure">
                <span className="screen-figure-label">{t('screen.toVote')}</span>
                <span className="screen-figure-value" data-testid="screen-to-vote">
                  {electors}
                </span>
              </div>
            </div>
          </>
        ) : (
          <div className="screen-voting-figures wide">
            <div className="screen-figure">
              <span className="screen-figure-label">{t('screen.toVote')}</span>
              <span className="screen-figure-value" data-testid="screen-to-vote">
                {electors}
              </span>
            </div>
            <div className="screen-voting-note">
              {round.status === 'open'
                ? t('screen.paperVoting')
                : round.status === 'closed'
                  ? t('screen.closed')
                  : t('screen.counted')}
              {round.ballotsIssued !== null && round.status !== 'open' && (
                <div>{t('screen.ballotsIssued', { n: round.ballotsIssued })}</div>
              )}
              {round.entered !== null && round.status !== 'open' && (
                <div>{t('screen.entered', { n: round.entered })}</div>
              )}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** Columns and type size so that up to 80 names fit the panel; fewer names get larger type. */
export function resultLayout(count: number): { columns: number; size: 'xl' | 'l' | 'm' | 's' | 'xs' } {
  if (count <= 6) return { columns: Math.max(1, Math.min(3, count)), size: 'xl' };
  if (count <= 12) return { columns: 4, size: 'l' };
  if (count <= 30) return { columns: 6, size: 'm' };
  if (count <= 49) return { columns: 7, size: 's' };
  return { columns: 8, size: 'xs' };
}

function ResultsPanel({
  result,
  electedInElection,
}: {
  readonly result: AnnouncedResult;
  /** Everyone this election has elected so far: after a run-off, more than this round's names. */
  readonly electedInElection: number;
}) {
  const { t } = useI18n();
  const layout = resultLayout(result.elected.length);
  return (
    <div className="screen-results" data-testid="screen-results" data-round={result.roundId}>
      <div className="screen-results-head">
        <div className="screen-section-label">{t('screen.results')}</div>
        <div className="screen-election-title">{result.electionTitle}</div>
        <div className="screen-round">
          {roundLabel(t, result.seq, result.kind)} · {t('screen.electedN', { n: result.elected.length })}
          {result.shortfall > 0 ? ` · ${t('screen.shortfall', { n: result.shortfall })}` : ''}
          {result.runoff ? ` · ${t('screen.runoff')}` : ''}
          {electedInElection > result.elected.length
            ? ` · ${t('screen.electedTotal', { n: electedInElection })}`
            : ''}
        </div>
      </div>
      {result.elected.length === 0 ? (
        <div className="screen-message">{t('screen.noElected')}</div>
      ) : (
        <ol
          className={`screen-names size-${layout.size}`}
          style={{ gridTemplateColumns: `repeat(${layout.columns}, 1fr)` }}
        >
          {result.elected.map((person) => (
            <li key={person.name} className="screen-name">
              <span className="screen-name-text">{person.name}</span>
              <span className="screen-name-votes">{t('screen.votes', { n: person.votes })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
