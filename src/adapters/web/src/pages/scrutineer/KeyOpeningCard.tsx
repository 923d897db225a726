import { Alert, Button, Card, Input, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import type { RoundKeyStatus } from '../../../../../contract/ballot-keys.ts';
import { enterKeyShareEndpoint } from '../../../../../contract/ballots.ts';
import type { RoundView } from '../../../../../contract/elections.ts';
import { KEY_ROLE_KEY } from '../../components/KeySlips.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { call } from '../../lib/api.ts';
import { formatHallTime } from '../../lib/format.ts';
import {
  groupedCode,
  type KeyCardState,
  SHARE_CODE_LENGTH,
  sharesStillNeeded,
  sharesToSend,
  typedShares,
} from './key-shares-logic.ts';
import './key-opening.css';

/**
 * 开启密封选票 [B4]: after the close of an electronic round, its key's holders (the election's
 * scrutineers), which shares are entered, how many are needed, and a box to type them in — one
 * per line, as printed or as a QR scanner types them; the share completing the threshold opens the
 * ballots, and counting proceeds as before.
 */
export function KeyOpeningCard({
  congressId,
  round,
  state,
  status,
  busy,
  post,
  onEntered,
}: {
  readonly congressId: string;
  readonly round: RoundView;
  readonly state: KeyCardState;
  readonly status: RoundKeyStatus | undefined;
  readonly busy: boolean;
  readonly post: (send: () => Promise<unknown>, done: string) => Promise<boolean>;
  /** The status the last entry returned (the server's answer, before any reload). */
  readonly onEntered: (status: RoundKeyStatus) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  if (state === 'none' || !status) return null;
  const typed = typedShares(text);
  const toSend = sharesToSend(typed);
  const needed = sharesStillNeeded(status);
  const submit = async () => {
    let answer: RoundKeyStatus | undefined;
    const ok = await post(async () => {
      answer = await call(enterKeyShareEndpoint, {
        params: { congressId, roundId: round.id },
        body: { shares: toSend },
      });
    }, t('key.entered'));
    if (ok && answer) {
      setText('');
      onEntered(answer);
    }
  };
  return (
    <Card
      className="scr-key"
      data-testid="scr-key"
      data-state={state}
      data-opened={String(state === 'opened')}
      data-entered={status.entered}
      data-threshold={status.threshold ?? ''}
      title={
        <Space wrap>
          <span>{t('key.card.title')}</span>
          <Tag color={state === 'opened' ? 'green' : state === 'waiting' ? 'gold' : 'default'}>
            {t(`key.state.${state}`)}
          </Tag>
        </Space>
      }
    >
      <Space size="large" wrap>
        <Statistic title={t('key.holders')} value={status.holders.length} />
        <Statistic title={t('key.threshold')} value={status.threshold ?? t('common.dash')} />
        <Statistic title={t('key.enteredN')} value={state === 'opened' ? t('common.dash') : status.entered} />
        <Statistic title={t('key.sealed')} value={status.sealed} />
      </Space>
      <div className="scr-key-holders" data-testid="scr-key-holders">
        {status.holders.map((h) => (
          <Tag
            key={h.index}
            color={h.entered ? 'green' : undefined}
            data-testid="scr-key-holder"
            data-entered={String(h.entered)}
          >
            {h.index}. {h.holder}（{t(KEY_ROLE_KEY[h.role])}）
            {h.entered ? ` ✓ ${t('key.holderEntered')}` : ''}
          </Tag>
        ))}
      </div>
      {state === 'voting' && <Alert type="info" showIcon title={t('key.whileVoting')} />}
      {state === 'opened' && (
        <Alert
          type="success"
          showIcon
          data-testid="scr-key-opened"
          title={t('key.opened', { at: formatHallTime(status.openedAt) })}
          description={t('key.openedDetail')}
        />
      )}
      {state === 'waiting' && (
        <div className="scr-key-entry">
          <Alert
            type="warning"
            showIcon
            title={t('key.needed', { n: needed, threshold: status.threshold ?? 0 })}
            description={t('key.howTo', { length: SHARE_CODE_LENGTH })}
          />
          <Input.TextArea
            className="scr-key-input"
            value={text}
            autoSize={{ minRows: 2, maxRows: 8 }}
            spellCheck={false}
            autoCapitalize="characters"
            autoComplete="off"
            placeholder={t('key.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="scr-key-input"
          />
          {typed.length > 0 && (
            <ol className="scr-key-typed" data-testid="scr-key-typed">
              {typed.map((share) => (
                <li key={share.code} data-problem={share.problem ?? ''}>
                  <code>{groupedCode(share.code)}</code>{' '}
                  {share.problem === null ? (
                    <span className="scr-key-ok">✓</span>
                  ) : (
                    <span className="scr-key-problem">
                      {t(`key.problem.${share.problem}`, {
                        n: share.code.length,
                        length: SHARE_CODE_LENGTH,
                      })}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
          <Button
            type="primary"
            size="large"
            loading={busy}
            disabled={toSend.length === 0}
            onClick={() => void submit()}
            data-testid="scr-key-submit"
          >
            {toSend.length > 1 ? t('key.submitN', { n: toSend.length }) : t('key.submit')}
          </Button>
        </div>
      )}
    </Card>
  );
}
