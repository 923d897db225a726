import { DesktopOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { resultsEndpoint } from '../../../../../contract/elections.ts';
import { sittingsEndpoint } from '../../../../../contract/procedure.ts';
import {
  SCREEN_MODES,
  type ScreenMode,
  type ScreenSetting,
  type ScreenShow,
  SLIDE_LINES,
  screenEndpoint,
  setScreenEndpoint,
} from '../../../../../contract/screen.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { formatHallTime } from '../../lib/format.ts';
import { pathFor } from '../../lib/routes.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import { slideLines } from './screen-logic.ts';

// The big screen's control (大屏幕), for the secretariat and the presiding officer: what it shows
// now, and what to put on it — follow the congress, an announced result, the attendance, a slide
// of text, or nothing. Every screen of the congress follows at once (the 'screen' event).

/** The sittings held in the hall, whose attendance the screen may show. */
const HALL_SITTINGS: ReadonlySet<string> = new Set(['preparatory', 'opening', 'plenary', 'closing']);

const MODE_KEY = {
  follow: 'scr.ctl.follow',
  result: 'scr.ctl.result',
  attendance: 'scr.ctl.attendance',
  slide: 'scr.ctl.slide',
  blank: 'scr.ctl.blank',
} as const;

export function ScreenControl({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const screen = useEndpoint(screenEndpoint, { params: { congressId } });
  const results = useEndpoint(resultsEndpoint, { params: { congressId } });
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const action = useAction();
  const [mode, setMode] = useState<ScreenMode | null>(null);
  const [roundId, setRoundId] = useState<string>();
  const [sittingId, setSittingId] = useState<string>();
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState('');
  useCongressEvents(congressId, {
    screen: () => void screen.reload(),
    result: () => {
      void screen.reload();
      void results.reload();
    },
    congress: () => {
      void screen.reload();
      void sittings.reload();
    },
    onOpen: () => void screen.reload(),
  });

  const view = screen.data;
  const chosen = mode ?? view?.setting.mode ?? 'follow';
  const announced = (results.data?.elections ?? []).flatMap((e) =>
    e.rounds
      .filter((r) => r.status === 'announced')
      .map((r) => ({
        value: r.id,
        label: `${e.title}${e.rounds.length > 1 ? `（${t('ballot.roundN', { n: r.seq })}）` : ''}`,
      })),
  );
  const setting: ScreenSetting | null =
    chosen === 'result'
      ? roundId
        ? { mode: 'result', roundId }
        : null
      : chosen === 'attendance'
        ? { mode: 'attendance', ...(sittingId ? { sittingId } : {}) }
        : chosen === 'slide'
          ? title.trim()
            ? { mode: 'slide', title: title.trim(), lines: slideLines(lines, SLIDE_LINES) }
            : null
          : { mode: chosen };

  const show = async () => {
    if (!setting) return;
    const ok = await action.run(
      'show',
      () => call(setScreenEndpoint, { params: { congressId }, body: setting }),
      {
        done: t('scr.ctl.shown'),
        inline: true,
      },
    );
    if (ok) {
      setMode(null);
      void screen.reload();
    }
  };

  return (
    <Card
      size="small"
      className="screen-control"
      data-testid="screen-control"
      data-mode={view?.setting.mode ?? ''}
      data-show={view?.show.kind ?? ''}
      title={
        <Space>
          <DesktopOutlined />
          {t('scr.ctl.title')}
        </Space>
      }
      extra={
        <a href={pathFor('screen', { congressId })} target="_blank" rel="noreferrer">
          {t('scr.ctl.open')}
        </a>
      }
    >
      <div className="screen-control-now" data-testid="screen-control-now">
        {t('scr.ctl.now')}
        {view ? showText(view.show, t) : '…'}
        {view?.setBy && view.setAt && (
          <span className="muted small">
            {' '}
            （{t('scr.ctl.setBy', { name: view.setBy, at: formatHallTime(view.setAt) })}）
          </span>
        )}
      </div>
      <Radio.Group
        className="screen-control-modes"
        optionType="button"
        buttonStyle="solid"
        value={chosen}
        onChange={(e) => setMode(e.target.value as ScreenMode)}
        options={SCREEN_MODES.map((m) => ({ value: m, label: t(MODE_KEY[m]) }))}
        data-testid="screen-modes"
      />
      <Form layout="vertical" className="screen-control-form">
        {chosen === 'follow' && <div className="muted small">{t('scr.ctl.followHint')}</div>}
        {chosen === 'result' && (
          <Form.Item label={t('scr.ctl.pickResult')}>
            <Select
              value={roundId}
              onChange={setRoundId}
              options={announced}
              notFoundContent={t('scr.ctl.noResults')}
              data-testid="screen-result-pick"
            />
          </Form.Item>
        )}
        {chosen === 'attendance' && (
          <Form.Item label={t('scr.ctl.pickSitting')}>
            <Select
              allowClear
              value={sittingId}
              onChange={setSittingId}
              options={(sittings.data ?? [])
                .filter((s) => HALL_SITTINGS.has(s.kind))
                .map((s) => ({ value: s.id, label: s.title }))}
              data-testid="screen-sitting-pick"
            />
          </Form.Item>
        )}
        {chosen === 'slide' && (
          <>
            <Form.Item label={t('scr.ctl.slideTitle')} required>
              <Input
                value={title}
                maxLength={40}
                onChange={(e) => setTitle(e.target.value)}
                data-testid="screen-slide-title"
              />
            </Form.Item>
            <Form.Item label={t('scr.ctl.slideLines')}>
              <Input.TextArea
                value={lines}
                rows={4}
                onChange={(e) => setLines(e.target.value)}
                data-testid="screen-slide-lines"
              />
            </Form.Item>
          </>
        )}
        <ErrorAlert error={action.error} />
        <Button
          type="primary"
          disabled={!setting}
          loading={action.busy === 'show'}
          onClick={() => void show()}
          data-testid="screen-show"
        >
          {t('scr.ctl.show')}
        </Button>
      </Form>
    </Card>
  );
}

/** What the screen shows, in a few words: 选举结果：委员. */
function showText(show: ScreenShow, t: ReturnType<typeof useI18n>['t']): string {
  switch (show.kind) {
    case 'result':
      return t('scr.show.result', { title: show.result.electionTitle });
    case 'voting':
      return t('scr.show.voting', { title: show.round.electionTitle });
    case 'attendance':
      return t('scr.show.attendance', { title: show.counts.sittingTitle });
    case 'slide':
      return t('scr.show.slide', { title: show.title });
    case 'blank':
      return t('scr.show.blank');
    case 'closed':
      return t('scr.show.closed');
    case 'welcome':
      return t('scr.show.welcome');
  }
}
