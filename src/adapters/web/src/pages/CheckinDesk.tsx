import { HomeOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef, Modal, Radio, Result, Select, Spin } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CountsBar } from '../components/CountsBar.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { LiveBadge } from '../components/LiveBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, api, asApiError, congressUrl, query } from '../lib/api.ts';
import {
  classifyDeskInput,
  type DeskVerdict,
  deskVerdict,
  moveSelection,
  soleCandidate,
  VERDICT_TONE,
} from '../lib/desk-logic.ts';
import { avatarText, formatHallTime } from '../lib/format.ts';
import { hasAny, rolesFor } from '../lib/roles.ts';
import { Link, useRouter } from '../lib/router.tsx';
import { pathFor } from '../lib/routes.ts';
import { useSession } from '../lib/session.tsx';
import type {
  AttendanceCounts,
  AttendanceOutcome,
  CongressBasics,
  CurrentAttendance,
  DelegateWithPhoto,
  SearchCandidate,
  SearchResult,
  SittingView,
} from '../lib/types.ts';
import { useApi } from '../lib/use-api.ts';
import { useCongressEvents } from '../lib/use-events.ts';

// The check-in desk (签到台): one screen per desk, one focused input. A scanner types the code on
// the delegate card and presses Enter; a person types a name, pinyin initials or a code. One match
// acts at once; several give a pick list (↑ ↓ Enter). The counts follow the event stream.

type LeaveKind = 'personal' | 'illness' | 'other';
const LEAVE_KINDS: readonly LeaveKind[] = ['personal', 'illness', 'other'];

interface Shown {
  readonly verdict: DeskVerdict;
  readonly outcome?: AttendanceOutcome;
  /** What was typed, for "not found". */
  readonly query?: string;
  readonly at: number;
}

export default function CheckinDesk({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { session, loading } = useSession();
  const { search, navigate, pathname } = useRouter();
  const desk = search.get('desk');
  const roles = rolesFor(session, congressId);

  if (loading || !session) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  const allowed = hasAny(roles, ['check-in', 'admin']);
  if (!allowed) {
    const signedIn = session.kind !== 'public';
    return (
      <div className="desk-page">
        <DeskTopBar congressId={congressId} desk={desk} />
        <Result
          status={signedIn ? '403' : 'info'}
          title={signedIn ? t('error.forbiddenPage') : t('error.loginFirst')}
          subTitle={t('desk.noAccess')}
          extra={
            <Button
              type="primary"
              icon={<LoginOutlined />}
              onClick={() => navigate(pathFor('login', {}, { next: pathname + window.location.search }))}
            >
              {t('nav.login')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!desk) return <DeskChooser congressId={congressId} />;
  return <Desk congressId={congressId} desk={desk} />;
}

function DeskTopBar({
  congressId,
  desk,
  children,
}: {
  readonly congressId: string;
  readonly desk: string | null;
  readonly children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { navigate } = useRouter();
  const basics = useApi<CongressBasics>(congressUrl(congressId, '/public'));
  const who = session?.displayName ?? session?.username ?? '';
  return (
    <header className="desk-topbar">
      <Link to="/" className="desk-home" aria-label={t('nav.home')}>
        <HomeOutlined />
      </Link>
      <div className="desk-titles">
        <div className="desk-congress">{basics.data?.title ?? ''}</div>
        <div className="desk-name" data-testid="desk-name">
          {desk ? t('desk.deskNo', { n: desk }) : t('desk.title')}
        </div>
      </div>
      <div className="desk-topbar-tools">
        {children}
        <LangSwitch ghost />
        {session && session.kind !== 'public' && (
          <Button
            type="text"
            size="small"
            className="on-dark"
            icon={<LogoutOutlined />}
            title={t('nav.logout')}
            onClick={() => void logout().then(() => navigate('/'))}
          >
            <span className="hide-narrow">{who}</span>
          </Button>
        )}
      </div>
    </header>
  );
}

function DeskChooser({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  return (
    <div className="desk-page">
      <DeskTopBar congressId={congressId} desk={null} />
      <main className="desk-chooser">
        <h2>{t('desk.pickDesk')}</h2>
        <div className="desk-chooser-grid">
          {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((n) => (
            <Button
              key={n}
              size="large"
              onClick={() => navigate(pathFor('checkin', { congressId }, { desk: n }), { replace: true })}
            >
              {t('desk.deskNo', { n })}
            </Button>
          ))}
        </div>
      </main>
    </div>
  );
}

/** The sitting the desk works for: the one in the address, else an open one, else the next. */
function useDeskSitting(congressId: string) {
  const { search, navigate, pathname } = useRouter();
  const sittings = useApi<SittingView[]>(congressUrl(congressId, '/sittings'));
  const current = useApi<CurrentAttendance>(congressUrl(congressId, '/attendance/public-counts'));
  const fromUrl = search.get('sitting');
  const usable = (sittings.data ?? []).filter((s) => s.status !== 'closed');
  const fallback =
    current.data?.sittings[0]?.sittingId ?? usable.find((s) => s.status === 'open')?.id ?? usable[0]?.id;
  const sittingId = fromUrl ?? fallback;
  const choose = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('sitting', id);
    navigate(`${pathname}?${next.toString()}`, { replace: true });
  };
  // A sitting opening or closing (the secretariat's console) moves a desk that was not pinned to one.
  const reload = useCallback(() => {
    void sittings.reload();
    void current.reload();
  }, [sittings.reload, current.reload]);
  return {
    sittingId,
    sittings: usable,
    choose,
    reload,
    loading: sittings.loading || current.loading,
    error: sittings.error ?? current.error,
  };
}

function Desk({ congressId, desk }: { readonly congressId: string; readonly desk: string }) {
  const { t, tx } = useI18n();
  const { sittingId, sittings, choose, reload, loading, error } = useDeskSitting(congressId);
  const [counts, setCounts] = useState<AttendanceCounts>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [candidates, setCandidates] = useState<readonly SearchCandidate[]>([]);
  const [more, setMore] = useState(false);
  const [selected, setSelected] = useState(0);
  const [failure, setFailure] = useState<ApiError>();
  const [photos, setPhotos] = useState<Readonly<Record<string, string | null>>>({});
  const [leaveOpen, setLeaveOpen] = useState(false);
  const inputRef = useRef<InputRef>(null);
  const narrow = useNarrow();
  const queue = useRef<Promise<void>>(Promise.resolve());

  const base = sittingId
    ? congressUrl(congressId, `/sittings/${encodeURIComponent(sittingId)}/attendance`)
    : null;

  const focus = useCallback(() => {
    setTimeout(() => inputRef.current?.focus(), 0);
  }, []);

  // Counts: loaded once, then kept by the stream (snapshot on every connection, then each change).
  const loadCounts = useCallback(async () => {
    if (!base) return;
    try {
      setCounts(await api.get<AttendanceCounts>(`${base}/counts`));
    } catch (caught) {
      setFailure(asApiError(caught));
    }
  }, [base]);
  useEffect(() => {
    setCounts(undefined);
    void loadCounts();
  }, [loadCounts]);

  const live = useCongressEvents(congressId, {
    snapshot: (data) => {
      const found = (data as CurrentAttendance).sittings.find((s) => s.sittingId === sittingId);
      if (found) setCounts(found);
    },
    attendance: (data) => {
      const next = data as AttendanceCounts;
      if (next.sittingId === sittingId) setCounts(next);
    },
    congress: () => reload(),
    onOpen: () => void loadCounts(),
  });

  const loadPhoto = useCallback(
    async (delegateId: string) => {
      if (delegateId in photos) return;
      try {
        const delegate = await api.get<DelegateWithPhoto>(
          congressUrl(congressId, `/delegates/${encodeURIComponent(delegateId)}`),
        );
        setPhotos((p) => ({ ...p, [delegateId]: delegate.photo }));
      } catch {
        setPhotos((p) => ({ ...p, [delegateId]: null }));
      }
    },
    [congressId, photos],
  );

  const show = useCallback(
    (outcome: AttendanceOutcome) => {
      setShown({ verdict: deskVerdict(outcome), outcome, at: Date.now() });
      setCandidates([]);
      setMore(false);
      void loadPhoto(outcome.delegate.id);
    },
    [loadPhoto],
  );

  /** Runs desk work one request at a time: a scanner may send the next code before this one returns. */
  const enqueue = useCallback(
    (work: () => Promise<void>) => {
      queue.current = queue.current.then(async () => {
        setBusy(true);
        setFailure(undefined);
        try {
          await work();
        } catch (caught) {
          setFailure(asApiError(caught));
        } finally {
          setBusy(false);
          focus();
        }
      });
    },
    [focus],
  );

  const act = useCallback(
    (action: 'check-in' | 'check-out', who: { code: string } | { delegateId: string }) =>
      enqueue(async () => {
        if (!base) return;
        show(await api.post<AttendanceOutcome>(`${base}/${action}`, { ...who, desk }));
      }),
    [base, desk, enqueue, show],
  );

  const searchAndAct = useCallback(
    async (q: string) => {
      if (!base) return;
      const result = await api.get<SearchResult>(`${base}/search${query({ q })}`);
      if (result.candidates.length === 0) {
        setShown({ verdict: 'not-found', query: q, at: Date.now() });
        setCandidates([]);
        return;
      }
      const sole = result.more ? null : soleCandidate(q, result.candidates);
      if (sole) {
        show(await api.post<AttendanceOutcome>(`${base}/check-in`, { delegateId: sole.id, desk }));
        return;
      }
      setShown(null);
      setCandidates(result.candidates);
      setMore(result.more);
      setSelected(0);
    },
    [base, desk, show],
  );

  const submit = useCallback(() => {
    const input = classifyDeskInput(text);
    if (input.kind === 'empty') {
      const pick = candidates[selected];
      if (pick) act('check-in', { delegateId: pick.id });
      return;
    }
    setText('');
    enqueue(async () => {
      if (!base) return;
      if (input.kind === 'code') {
        try {
          show(await api.post<AttendanceOutcome>(`${base}/check-in`, { code: input.code, desk }));
          return;
        } catch (caught) {
          // Not a code after all (a name typed with digits?): search for it.
          if (asApiError(caught).status !== 404) throw caught;
        }
        await searchAndAct(input.code);
        return;
      }
      await searchAndAct(input.query);
    });
  }, [text, candidates, selected, act, enqueue, base, desk, show, searchAndAct]);

  /** The delegate the buttons act on: the one shown, else the one selected in the list. */
  const current = shown?.outcome?.delegate ?? (candidates[selected] ? { ...candidates[selected]! } : null);

  const clear = useCallback(() => {
    setText('');
    setShown(null);
    setCandidates([]);
    setMore(false);
    setFailure(undefined);
    focus();
  }, [focus]);

  const checkOut = useCallback(() => {
    if (!current) {
      setFailure(asApiError(new Error(t('desk.nobody'))));
      return;
    }
    act('check-out', { delegateId: current.id });
  }, [current, act, t]);

  const openLeave = useCallback(() => {
    if (!current) {
      setFailure(asApiError(new Error(t('desk.nobody'))));
      return;
    }
    setLeaveOpen(true);
  }, [current, t]);

  const cancelLeave = useCallback(() => {
    if (!current) return;
    enqueue(async () => {
      if (!base) return;
      show(await api.post<AttendanceOutcome>(`${base}/cancel-leave`, { delegateId: current.id, desk }));
    });
  }, [current, enqueue, base, desk, show]);

  // The desk's function keys work wherever the focus is (except inside the leave dialog).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (leaveOpen) return;
      if (event.key === 'F2') {
        event.preventDefault();
        openLeave();
      } else if (event.key === 'F4') {
        event.preventDefault();
        checkOut();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [leaveOpen, openLeave, checkOut, clear]);

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && candidates.length > 0) {
      event.preventDefault();
      setSelected((i) => moveSelection(i, event.key === 'ArrowDown' ? 1 : -1, candidates.length));
    }
  };

  const sittingOptions = useMemo(
    () => sittings.map((s) => ({ value: s.id, label: `${s.title}（${t(`sitting.status.${s.status}`)}）` })),
    [sittings, t],
  );

  return (
    <div className="desk-page">
      <DeskTopBar congressId={congressId} desk={desk}>
        <LiveBadge status={live} className="on-dark-badge" />
      </DeskTopBar>
      <main className="desk-main">
        <div className="desk-sitting-row">
          <label htmlFor="desk-sitting" className="desk-sitting-label">
            {t('desk.sitting')}
          </label>
          <Select
            id="desk-sitting"
            value={sittingId}
            options={sittingOptions}
            onChange={(id) => {
              choose(id);
              focus();
            }}
            loading={loading}
            className="desk-sitting-select"
            popupMatchSelectWidth={false}
          />
        </div>
        <ErrorAlert error={error} />
        {!loading && !sittingId && <ErrorAlert error={asApiError(new Error(t('att.noSitting')))} />}
        <CountsBar counts={counts} />
        <div className="desk-input-row">
          <Input
            ref={inputRef}
            size="large"
            className="desk-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKey}
            placeholder={narrow ? t('desk.placeholderShort') : t('desk.placeholder')}
            aria-label={t('desk.inputLabel')}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            data-testid="desk-input"
            suffix={busy ? <Spin size="small" /> : null}
          />
        </div>
        {failure && (
          <div className="desk-failure" role="alert" data-testid="desk-failure">
            {tx(failure)}
          </div>
        )}
        {candidates.length > 0 && (
          <div className="pick-list" data-testid="pick-list">
            <div className="pick-title">{t('desk.pickTitle', { n: candidates.length })}</div>
            <ul>
              {candidates.map((c, i) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={i === selected ? 'pick-item selected' : 'pick-item'}
                    aria-current={i === selected}
                    onClick={() => {
                      setSelected(i);
                      act('check-in', { delegateId: c.id });
                    }}
                  >
                    <span className="pick-name">{c.name}</span>
                    <span className="pick-delegation">{c.delegation ?? ''}</span>
                    <span className="pick-code">{c.code}</span>
                    <span className={`pick-status status-${c.status}`}>{t(`desk.status.${c.status}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {more && <div className="pick-more">{t('desk.more')}</div>}
          </div>
        )}
        {shown && (
          <Confirmation shown={shown} photo={shown.outcome ? photos[shown.outcome.delegate.id] : undefined} />
        )}
        {!shown && candidates.length === 0 && (
          <div className="desk-idle" aria-hidden="true">
            {t('desk.ready')}
          </div>
        )}
        <div className="desk-actions">
          <Button size="large" onClick={openLeave} disabled={!current} data-testid="desk-leave">
            <kbd>F2</kbd> {t('desk.leave')}
          </Button>
          <Button size="large" onClick={checkOut} disabled={!current} data-testid="desk-checkout">
            <kbd>F4</kbd> {t('desk.checkOut')}
          </Button>
          {shown?.outcome?.status === 'leave' && (
            <Button size="large" onClick={cancelLeave} data-testid="desk-cancel-leave">
              {t('desk.cancelLeave')}
            </Button>
          )}
          <Button size="large" onClick={clear}>
            <kbd>Esc</kbd> {t('desk.clear')}
          </Button>
        </div>
        <div className="desk-keys">
          <span>
            <kbd>{t('desk.key.enter')}</kbd> {t('desk.key.enterDo')}
          </span>
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> {t('desk.key.arrowsDo')}
          </span>
          <span>
            <kbd>Esc</kbd> {t('desk.key.escDo')}
          </span>
          <span>
            <kbd>F2</kbd> {t('desk.key.f2Do')}
          </span>
          <span>
            <kbd>F4</kbd> {t('desk.key.f4Do')}
          </span>
        </div>
      </main>
      <LeaveDialog
        open={leaveOpen}
        name={current?.name ?? ''}
        onCancel={() => {
          setLeaveOpen(false);
          focus();
        }}
        onSubmit={(reason, note) => {
          setLeaveOpen(false);
          if (!current) return;
          const id = current.id;
          enqueue(async () => {
            if (!base) return;
            show(
              await api.post<AttendanceOutcome>(`${base}/leave`, {
                delegateId: id,
                reason,
                ...(note ? { note } : {}),
                desk,
              }),
            );
          });
        }}
      />
    </div>
  );
}

/** A phone-sized window (the desk's placeholder is shortened there). */
function useNarrow(): boolean {
  const query = '(max-width: 520px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setNarrow(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

function Confirmation({
  shown,
  photo,
}: {
  readonly shown: Shown;
  readonly photo: string | null | undefined;
}) {
  const { t, tx } = useI18n();
  const tone = VERDICT_TONE[shown.verdict];
  const outcome = shown.outcome;
  return (
    <section
      className={`confirm confirm-${tone}`}
      data-testid="confirmation"
      data-verdict={shown.verdict}
      data-tone={tone}
      aria-live="assertive"
      key={shown.at}
    >
      <div className="confirm-banner">{t(`desk.verdict.${shown.verdict}`)}</div>
      {outcome ? (
        <div className="confirm-body">
          <div className="confirm-photo">
            {photo ? (
              <img src={photo} alt={outcome.delegate.name} />
            ) : (
              <span className="avatar-text">{avatarText(outcome.delegate.name)}</span>
            )}
          </div>
          <div className="confirm-text">
            <div className="confirm-name" data-testid="confirm-name">
              {outcome.delegate.name}
            </div>
            <div className="confirm-line">
              <span className="confirm-key">{t('desk.delegation')}</span>{' '}
              {outcome.delegate.delegation ?? t('common.dash')}
            </div>
            <div className="confirm-line">
              <span className="confirm-key">{t('desk.code')}</span>{' '}
              <span className="confirm-code">{outcome.delegate.code}</span>
            </div>
            {shown.verdict === 'already-present' && outcome.checkedInAt && (
              <div className="confirm-when" data-testid="confirm-when">
                {outcome.desk
                  ? t('desk.alreadyAt', { time: formatHallTime(outcome.checkedInAt), desk: outcome.desk })
                  : t('desk.alreadyAtNoDesk', { time: formatHallTime(outcome.checkedInAt) })}
              </div>
            )}
            {shown.verdict === 'no-vote' && <div className="confirm-when">{t('desk.noVoteHint')}</div>}
            {shown.verdict !== 'already-present' && (
              <div className="confirm-message">{tx(outcome.message)}</div>
            )}
          </div>
        </div>
      ) : (
        <div className="confirm-body">
          <div className="confirm-text">
            <div className="confirm-message large">{t('desk.notFoundHint', { q: shown.query ?? '' })}</div>
          </div>
        </div>
      )}
    </section>
  );
}

function LeaveDialog({
  open,
  name,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean;
  readonly name: string;
  readonly onCancel: () => void;
  readonly onSubmit: (reason: LeaveKind, note: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<LeaveKind>('personal');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const noteRef = useRef<InputRef>(null);

  useEffect(() => {
    if (open) {
      setReason('personal');
      setNote('');
      setMissing(false);
      setTimeout(() => noteRef.current?.focus(), 50);
    }
  }, [open]);

  const confirm = () => {
    if (reason === 'other' && note.trim() === '') {
      setMissing(true);
      noteRef.current?.focus();
      return;
    }
    onSubmit(reason, note.trim());
  };

  // While the dialog is open: 1 / 2 / 3 choose the reason (unless a note is being typed), Enter confirms.
  const confirmRef = useRef(confirm);
  confirmRef.current = confirm;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const index = ['1', '2', '3'].indexOf(event.key);
      if (index >= 0 && noteRef.current?.input?.value === '') {
        event.preventDefault();
        setReason(LEAVE_KINDS[index]!);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        confirmRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  return (
    <Modal
      open={open}
      title={t('desk.leaveTitle', { name })}
      onCancel={onCancel}
      onOk={confirm}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={560}
    >
      <div data-testid="leave-dialog">
        <p className="muted">{t('desk.leaveKeys')}</p>
        <div className="field-label">{t('desk.reason')}</div>
        <Radio.Group
          value={reason}
          onChange={(e) => setReason(e.target.value as LeaveKind)}
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={LEAVE_KINDS.map((kind, i) => ({ value: kind, label: `${i + 1} ${t(`leave.${kind}`)}` }))}
        />
        <div className="field-label" style={{ marginTop: 16 }}>
          {t('desk.note')}
        </div>
        <Input
          ref={noteRef}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setMissing(false);
          }}
          placeholder={t('desk.notePlaceholder')}
          status={missing ? 'error' : undefined}
          maxLength={200}
          data-testid="leave-note"
        />
        {missing && <div className="field-error">{t('desk.noteRequired')}</div>}
      </div>
    </Modal>
  );
}
