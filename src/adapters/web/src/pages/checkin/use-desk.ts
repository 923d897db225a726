import type { InputRef } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  type AttendanceOutcome,
  cancelLeaveEndpoint,
  checkInEndpoint,
  checkOutEndpoint,
  type DelegateAtDesk,
  recordLeaveEndpoint,
  type SearchResult,
  searchAtDeskEndpoint,
} from '../../../../../contract/attendance.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import {
  classifyDeskInput,
  clearScreen,
  type DeskScreen,
  deskSubject,
  EMPTY_SCREEN,
  moveSelection,
  screenAfterLookup,
  searchStep,
  showNotFound,
  showOutcome,
  showPickList,
} from './desk-logic.ts';
import { type LeaveKind, leaveBody } from './leave-form.ts';
import { usePhotos } from './use-photos.ts';

type Who = { readonly code: string } | { readonly delegateId: string };
type Sitting = { readonly congressId: string; readonly sittingId: string };

/** The desk's search: name, pinyin initials or code, at most ten hits. */
const search = (sitting: Sitting, q: string): Promise<SearchResult> =>
  call(searchAtDeskEndpoint, { params: sitting, query: { q } });

/**
 * The desk's state and its requests: the screen (input, confirmation, pick list), one request at
 * a time, the failure to show, and the delegate the leave dialog is open for. The delegate is
 * fixed when the dialog opens, so what happens at the desk meanwhile cannot change whom it records.
 */
export function useDesk(congressId: string, desk: string, sittingId: string | undefined) {
  const { t } = useI18n();
  const [screen, setScreen] = useState<DeskScreen>(EMPTY_SCREEN);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  // The delegate of the leave dialog, kept after it closes so its title does not change as it fades.
  const [leave, setLeave] = useState<{ readonly delegate: DelegateAtDesk; readonly open: boolean }>();
  const { photos, loadPhoto } = usePhotos(congressId);
  const inputRef = useRef<InputRef>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const params = useMemo(() => (sittingId ? { congressId, sittingId } : null), [congressId, sittingId]);

  const focus = useCallback(() => {
    setTimeout(() => inputRef.current?.focus(), 0);
  }, []);

  const show = useCallback(
    (outcome: AttendanceOutcome) => {
      setScreen((s) => showOutcome(s, outcome, Date.now()));
      void loadPhoto(outcome.delegate.id);
    },
    [loadPhoto],
  );

  /** Runs desk work one request at a time: a scanner may send the next code before this one returns. */
  const enqueue = useCallback(
    (work: (sitting: Sitting) => Promise<void>) => {
      queue.current = queue.current.then(async () => {
        if (!params) return;
        setBusy(true);
        setFailure(undefined);
        try {
          await work(params);
        } catch (caught) {
          setFailure(asApiError(caught));
        } finally {
          setBusy(false);
          focus();
        }
      });
    },
    [params, focus],
  );

  const act = useCallback(
    (action: 'check-in' | 'check-out', who: Who) =>
      enqueue(async (sitting) => {
        const endpoint = action === 'check-in' ? checkInEndpoint : checkOutEndpoint;
        show(await call(endpoint, { params: sitting, body: { ...who, desk } }));
      }),
    [enqueue, show, desk],
  );

  /** Enter: a code checks in at once; a name or pinyin is searched, one hit checked in, several listed. */
  const submit = useCallback(() => {
    const input = classifyDeskInput(screen.text);
    if (input.kind === 'empty') {
      const pick = screen.candidates[screen.selected];
      if (pick) act('check-in', { delegateId: pick.id });
      return;
    }
    setScreen((s) => ({ ...s, text: '' }));
    enqueue(async (sitting) => {
      if (input.kind === 'code') {
        try {
          show(await call(checkInEndpoint, { params: sitting, body: { code: input.code, desk } }));
          return;
        } catch (caught) {
          // Not a code after all (a name typed with digits?): search for it.
          if (asApiError(caught).status !== 404) throw caught;
        }
      }
      const q = input.kind === 'code' ? input.code : input.query;
      const result = await search(sitting, q);
      const step = searchStep(q, result);
      if (step.kind === 'one') {
        show(await call(checkInEndpoint, { params: sitting, body: { delegateId: step.candidate.id, desk } }));
      } else if (step.kind === 'not-found') {
        setScreen((s) => showNotFound(s, q, Date.now()));
      } else {
        setScreen((s) => showPickList(s, result.candidates, result.more));
      }
    });
  }, [screen, act, enqueue, show, desk]);

  /**
   * The delegate the leave and check-out keys act on, then `then` with them: what is typed is
   * looked up first (nobody is checked in by it); several hits are listed to pick from.
   */
  const withSubject = useCallback(
    (then: (delegate: DelegateAtDesk) => void) => {
      const subject = deskSubject(screen);
      if (subject.kind === 'none') {
        setFailure(asApiError(new Error(t('desk.nobody'))));
        return;
      }
      if (subject.kind === 'delegate') {
        then(subject.delegate);
        return;
      }
      setScreen((s) => ({ ...s, text: '' }));
      enqueue(async (sitting) => {
        const result = await search(sitting, subject.query);
        setScreen((s) => screenAfterLookup(s, subject.query, result, Date.now()));
        const step = searchStep(subject.query, result);
        if (step.kind === 'one') then(step.candidate);
      });
    },
    [screen, enqueue, t],
  );

  const openLeave = useCallback(
    () => withSubject((delegate) => setLeave({ delegate, open: true })),
    [withSubject],
  );
  const checkOut = useCallback(
    () => withSubject((delegate) => act('check-out', { delegateId: delegate.id })),
    [withSubject, act],
  );

  const closeLeave = useCallback(() => {
    setLeave((l) => l && { ...l, open: false });
    focus();
  }, [focus]);

  const recordLeave = useCallback(
    (reason: LeaveKind, note: string) => {
      if (!leave?.open) return;
      const { delegate } = leave;
      setLeave({ delegate, open: false });
      enqueue(async (sitting) => {
        show(
          await call(recordLeaveEndpoint, {
            params: sitting,
            body: leaveBody(delegate.id, reason, note, desk),
          }),
        );
      });
    },
    [leave, enqueue, show, desk],
  );

  /** 取消请假 on the confirmation of someone on leave. */
  const cancelLeave = useCallback(() => {
    const delegate = screen.shown?.outcome?.delegate;
    if (!delegate) return;
    enqueue(async (sitting) => {
      show(await call(cancelLeaveEndpoint, { params: sitting, body: { delegateId: delegate.id, desk } }));
    });
  }, [screen.shown, enqueue, show, desk]);

  const clear = useCallback(() => {
    setScreen(clearScreen);
    setFailure(undefined);
    focus();
  }, [focus]);

  return {
    screen,
    busy,
    failure,
    photos,
    inputRef,
    /** The delegate the leave dialog is open for, or null. */
    leaveFor: leave?.open ? leave.delegate : null,
    /** The name in the leave dialog's title. */
    leaveName: leave?.delegate.name ?? '',
    /** Someone for the leave and check-out buttons to act on. */
    hasSubject: deskSubject(screen).kind !== 'none',
    type: (text: string) => setScreen((s) => ({ ...s, text })),
    move: (delta: number) =>
      setScreen((s) => ({ ...s, selected: moveSelection(s.selected, delta, s.candidates.length) })),
    pick: (index: number) => {
      const candidate = screen.candidates[index];
      setScreen((s) => ({ ...s, selected: index }));
      if (candidate) act('check-in', { delegateId: candidate.id });
    },
    focus,
    submit,
    openLeave,
    closeLeave,
    recordLeave,
    checkOut,
    cancelLeave,
    clear,
  };
}
