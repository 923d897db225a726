import { useI18n } from '../../i18n/i18n.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { IdlePanel } from './IdlePanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { ScreenHeader } from './ScreenHeader.tsx';
import { SlidePanel } from './SlidePanel.tsx';
import { STAGE, shownCounts, shownRoundId } from './screen-logic.ts';
import { useScreenState } from './use-screen-state.ts';
import { useStageScale } from './use-stage.ts';
import { VotingPanel } from './VotingPanel.tsx';

// The hall's big screen (大屏幕): a 1920×1080 stage scaled to the display, readable from the back
// of the hall. It shows exactly what the server says (src/contract/screen.ts): following the
// congress — the vote under way with its progress, each result as it is announced, the attendance
// of the sitting under way — or what the secretariat put on it: a result, the attendance, a slide
// of text, nothing. Everything follows the event stream; nothing here needs a login.

export default function BigScreen({ congressId }: { readonly congressId: string }) {
  const { lang } = useI18n();
  const scale = useStageScale();
  const { view, live } = useScreenState(congressId);
  const show = view?.show;
  const counts = shownCounts(show);

  return (
    <div className="screen-viewport" data-testid="big-screen" data-show={show?.kind ?? ''}>
      <div
        className={`screen-stage lang-${lang}${show?.kind === 'blank' ? ' blank' : ''}`}
        style={{
          width: STAGE.width,
          height: STAGE.height,
          transform: `translate(-50%, -50%) scale(${scale})`,
        }}
        data-testid="screen-stage"
        data-mode={view?.setting.mode ?? ''}
        data-round={shownRoundId(show) ?? ''}
      >
        {show && show.kind !== 'blank' && (
          <ScreenHeader title={view.title} sittingTitle={counts?.sittingTitle ?? ''} live={live} />
        )}
        {show?.kind === 'blank' && <span className="screen-blank" data-testid="screen-blank" />}
        {counts && <AttendancePanel counts={counts} />}
        {show && show.kind !== 'blank' && (
          <section className="screen-main">
            {show.kind === 'voting' ? (
              <VotingPanel round={show.round} />
            ) : show.kind === 'result' ? (
              <ResultsPanel result={show.result} />
            ) : show.kind === 'slide' ? (
              <SlidePanel title={show.title} lines={show.lines} />
            ) : (
              <IdlePanel kind={show.kind} counts={counts} />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
