import { Alert, Button, Card, Popconfirm, Space } from 'antd';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { KeyHolderRole, KeyShare, RoundKeyShares } from '../../../../contract/ballot-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import './key-slips.css';

// [B4] The shares of an electronic round's key, as the opening returned them: the only time they
// exist outside their holders' hands (the server keeps a hash of each, never the share). One slip
// per holder to print and hand over; the print shows the slips alone, one to a page. The page
// warns before it is left while the slips are still on it.

export const KEY_ROLE_KEY: Readonly<
  Record<KeyHolderRole, 'el.officers.chief' | 'el.officers.deputy' | 'el.officers.scrutineer'>
> = {
  'chief-scrutineer': 'el.officers.chief',
  'deputy-chief-scrutineer': 'el.officers.deputy',
  scrutineer: 'el.officers.scrutineer',
};

/** The shares an electronic round's opening (or its new key) returned, held by the page that opened it. */
export interface OpenedKey {
  readonly roundId: string;
  readonly key: RoundKeyShares;
}

/** The code as printed: its groups of four, in rows of five groups, to read and type back. */
function codeRows(code: string): string[][] {
  const groups = code.split('-');
  const rows: string[][] = [];
  for (let i = 0; i < groups.length; i += 5) rows.push(groups.slice(i, i + 5));
  return rows;
}

function Slip({
  share,
  heading,
  count,
  threshold,
  testId,
}: {
  readonly share: KeyShare;
  readonly heading: string;
  readonly count: number;
  readonly threshold: number;
  readonly testId?: string;
}) {
  const { t } = useI18n();
  return (
    <section
      className="key-slip"
      data-testid={testId}
      data-holder={share.holder}
      data-index={share.index}
      data-code={share.code}
    >
      <header className="key-slip-head">
        <span className="key-slip-title">{t('key.slip.title')}</span>
        <span className="key-slip-index">{t('key.slip.index', { index: share.index, count })}</span>
      </header>
      <div className="key-slip-round">{heading}</div>
      <div className="key-slip-holder">
        <strong>{share.holder}</strong>
        <span>{t(KEY_ROLE_KEY[share.role])}</span>
      </div>
      <div className="key-slip-body">
        <div className="key-slip-code" data-testid={testId ? 'key-slip-code' : undefined}>
          {codeRows(share.code).map((row) => (
            <div key={row.join('')}>{row.join(' ')}</div>
          ))}
        </div>
        <img
          className="key-slip-qr"
          alt={t('key.slip.qr')}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.qrSvg)}`}
        />
      </div>
      <p className="key-slip-note">{t('key.slip.note', { threshold })}</p>
    </section>
  );
}

/** The slips of one round's key, with the warning, the print button and the confirmation. */
export function KeySlips({
  heading,
  keyShares,
  onDone,
}: {
  /** The election and round, as printed on each slip. */
  readonly heading: string;
  readonly keyShares: RoundKeyShares;
  /** The operator confirmed the slips are printed and handed over: they are dropped from the page. */
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const { shares, threshold } = keyShares;
  // Leaving the page would lose the shares for good: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const slip = (share: KeyShare, testId?: string) => (
    <Slip
      key={share.index}
      share={share}
      heading={heading}
      count={shares.length}
      threshold={threshold}
      testId={testId}
    />
  );
  return (
    <Card
      className="key-slips"
      data-testid="key-slips"
      data-threshold={threshold}
      title={t('key.slips.title')}
    >
      <Alert
        type="warning"
        showIcon
        className="key-slips-warning"
        title={t('key.slips.once')}
        description={t('key.slips.onceDetail', { n: shares.length, threshold })}
      />
      <Space wrap className="key-slips-actions">
        <Button type="primary" size="large" onClick={() => window.print()} data-testid="key-slips-print">
          {t('key.slips.print')}
        </Button>
        <Popconfirm
          title={t('key.slips.doneConfirm')}
          okButtonProps={{ 'data-testid': 'key-slips-done-confirm' }}
          onConfirm={onDone}
        >
          <Button size="large" data-testid="key-slips-done">
            {t('key.slips.done')}
          </Button>
        </Popconfirm>
      </Space>
      <div className="key-slip-grid">{shares.map((share) => slip(share, 'key-slip'))}</div>
      {/* The print: the slips alone, at the top of the document, one to a page. */}
      {createPortal(
        <div className="key-slips-print">{shares.map((share) => slip(share))}</div>,
        document.body,
      )}
    </Card>
  );
}
