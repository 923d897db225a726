import { Input, Select, Spin } from 'antd';
import type { KeyboardEvent } from 'react';
import { CountsBar } from '../../components/CountsBar.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveBadge } from '../../components/LiveBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { asApiError } from '../../lib/api.ts';
import { Confirmation } from './Confirmation.tsx';
import { DeskActions, DeskKeys } from './DeskActions.tsx';
import { DeskTopBar } from './DeskTopBar.tsx';
import { LeaveDialog } from './LeaveDialog.tsx';
import { PickList } from './PickList.tsx';
import { useDesk } from './use-desk.ts';
import { useDeskCounts } from './use-desk-counts.ts';
import { useDeskKeys } from './use-desk-keys.ts';
import { useDeskSitting } from './use-desk-sitting.ts';
import { useNarrow } from './use-narrow.ts';

/** One desk at work: the sitting, its counts, the input, what was found, and the desk's keys. */
export function Desk({ congressId, desk }: { readonly congressId: string; readonly desk: string }) {
  const { t, tx } = useI18n();
  const { sittingId, sittings, choose, reload, loading, error } = useDeskSitting(congressId);
  const counts = useDeskCounts(congressId, sittingId, reload);
  const work = useDesk(congressId, desk, sittingId);
  const { screen } = work;
  const narrow = useNarrow();
  useDeskKeys(work.leaveFor !== null, { leave: work.openLeave, checkOut: work.checkOut, clear: work.clear });

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      work.submit();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && screen.candidates.length > 0) {
      event.preventDefault();
      work.move(event.key === 'ArrowDown' ? 1 : -1);
    }
  };
  const failure = work.failure ?? counts.error;

  return (
    <div className="desk-page">
      <DeskTopBar congressId={congressId} desk={desk}>
        <LiveBadge status={counts.live} className="on-dark-badge" />
      </DeskTopBar>
      <main className="desk-main">
        <div className="desk-sitting-row">
          <label htmlFor="desk-sitting" className="desk-sitting-label">
            {t('desk.sitting')}
          </label>
          <Select
            id="desk-sitting"
            value={sittingId}
            options={sittings.map((s) => ({
              value: s.id,
              label: `${s.title}（${t(`sitting.status.${s.status}`)}）`,
            }))}
            onChange={(id) => {
              choose(id);
              work.focus();
            }}
            loading={loading}
            className="desk-sitting-select"
            popupMatchSelectWidth={false}
          />
        </div>
        <ErrorAlert error={error} />
        {!loading && !sittingId && <ErrorAlert error={asApiError(new Error(t('att.noSitting')))} />}
        <CountsBar counts={counts.counts} />
        <div className="desk-input-row">
          <Input
            ref={work.inputRef}
            size="large"
            className="desk-input"
            value={screen.text}
            onChange={(e) => work.type(e.target.value)}
            onKeyDown={onInputKey}
            placeholder={narrow ? t('desk.placeholderShort') : t('desk.placeholder')}
            aria-label={t('desk.inputLabel')}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            data-testid="desk-input"
            suffix={work.busy ? <Spin size="small" /> : null}
          />
        </div>
        {failure && (
          <div className="desk-failure" role="alert" data-testid="desk-failure">
            {tx(failure)}
          </div>
        )}
        <PickList
          candidates={screen.candidates}
          selected={screen.selected}
          more={screen.more}
          onPick={work.pick}
        />
        {screen.shown && (
          <Confirmation
            shown={screen.shown}
            photo={screen.shown.outcome ? work.photos[screen.shown.outcome.delegate.id] : undefined}
          />
        )}
        {!screen.shown && screen.candidates.length === 0 && (
          <div className="desk-idle" aria-hidden="true">
            {t('desk.ready')}
          </div>
        )}
        <DeskActions
          hasSubject={work.hasSubject}
          onLeave={work.openLeave}
          onCheckOut={work.checkOut}
          onCancelLeave={screen.shown?.outcome?.status === 'leave' ? work.cancelLeave : undefined}
          onClear={work.clear}
        />
        <DeskKeys />
      </main>
      <LeaveDialog
        open={work.leaveFor !== null}
        name={work.leaveName}
        onCancel={work.closeLeave}
        onSubmit={work.recordLeave}
      />
    </div>
  );
}
