import { Alert, Button, InputNumber, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { RoundView } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PanelAction } from './use-election-panel.ts';

/**
 * The buttons the round's state allows: close (with the ballots issued, on paper), count,
 * announce; and, for an open electronic round nobody has voted in, a new key [B4].
 */
export function RoundActions({
  round,
  mayCount,
  mayRekey,
  busy,
  onClose,
  onCount,
  onAnnounce,
  onRekey,
}: {
  readonly round: RoundView;
  readonly mayCount: boolean;
  /** [B4] Offer a new key: the round is open, electronic, and nobody has voted yet. */
  readonly mayRekey: boolean;
  readonly busy: PanelAction | undefined;
  readonly onClose: (issued: number | null) => void;
  readonly onCount: () => void;
  readonly onAnnounce: () => void;
  readonly onRekey: () => void;
}) {
  const { t } = useI18n();
  const [issued, setIssued] = useState<number | null>(null);
  return (
    <Space wrap className="presiding-actions">
      {round.status === 'open' && (
        <>
          {round.mode === 'paper' && (
            <span data-testid="pres-issued">
              {t('pres.ballotsIssued')}{' '}
              <InputNumber
                min={0}
                max={round.present ?? undefined}
                value={issued}
                onChange={(v) => setIssued(v)}
              />
            </span>
          )}
          <Popconfirm
            title={t('pres.closeConfirm')}
            okButtonProps={{ 'data-testid': 'pres-close-confirm' }}
            onConfirm={() => onClose(issued)}
          >
            <Button
              type="primary"
              size="large"
              loading={busy === 'close'}
              disabled={round.mode === 'paper' && issued === null}
              data-testid="pres-close"
            >
              {t('pres.close')}
            </Button>
          </Popconfirm>
          {round.mode === 'paper' && issued === null && (
            <span className="muted">{t('pres.issuedFirst')}</span>
          )}
          {mayRekey && (
            <Popconfirm
              title={t('key.rekey.confirm')}
              description={<div className="confirm-body">{t('key.rekey.confirmBody')}</div>}
              okButtonProps={{ 'data-testid': 'pres-rekey-confirm' }}
              onConfirm={onRekey}
            >
              <Button loading={busy === 'rekey'} data-testid="pres-rekey">
                {t('key.rekey')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
      {round.status === 'closed' &&
        (mayCount ? (
          <Button
            type="primary"
            size="large"
            loading={busy === 'count'}
            onClick={onCount}
            data-testid="pres-count"
          >
            {t('pres.count')}
          </Button>
        ) : (
          // Paper ballots are counted by the tellers; electronic ones need no teller [P2].
          <Alert
            type="info"
            showIcon
            title={t(round.mode === 'paper' ? 'pres.awaitCount' : 'pres.awaitCountElectronic')}
            data-testid="pres-await"
          />
        ))}
      {round.status === 'counted' && (
        <Alert type="info" showIcon title={t('pres.awaitSignOff')} data-testid="pres-await" />
      )}
      {round.status === 'signed-off' && (
        <Popconfirm
          title={t('pres.announceConfirm')}
          description={<div className="confirm-body">{t('confirm.announceBody')}</div>}
          okButtonProps={{ 'data-testid': 'pres-announce-confirm' }}
          onConfirm={onAnnounce}
        >
          <Button type="primary" size="large" loading={busy === 'announce'} data-testid="pres-announce">
            {t('pres.announce')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
