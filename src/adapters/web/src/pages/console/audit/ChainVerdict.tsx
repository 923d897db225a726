import { Alert, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type AuditVerdict, verifyAuditEndpoint } from '../../../../../../contract/audit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../../lib/api.ts';
import { formatHallDateTime } from '../../../lib/format.ts';

// 哈希链校验: the server re-reads the whole log and recomputes every hash. When the chain holds,
// the head's seq and hash are what to record elsewhere (on the signed tally sheet, in the minutes):
// with them, any later change to history can be shown.

export interface Verification {
  readonly result: AuditVerdict;
  /** When the check ran (the browser's clock). */
  readonly at: string;
}

export function useChainVerification(congressId: string) {
  const [verification, setVerification] = useState<Verification>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const verify = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await call(verifyAuditEndpoint, { params: { congressId } });
      setVerification({ result, at: new Date().toISOString() });
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }, [congressId]);
  return { verification, busy, error, verify };
}

export function ChainVerdict({ verification }: { readonly verification: Verification }) {
  const { t, tx, lang } = useI18n();
  const { result, at } = verification;
  return (
    <Alert
      className="audit-verdict"
      type={result.ok ? 'success' : 'error'}
      showIcon
      data-testid="audit-verdict"
      data-ok={result.ok}
      title={result.ok ? t('audit.chainOk') : t('audit.chainBroken', { seq: result.brokenAt })}
      description={
        <div className="audit-verdict-text">
          <div>
            {result.ok
              ? t('audit.chainOkDetail', { n: result.entries })
              : `${tx(result.reason)} ${t('audit.chainBrokenDetail', { n: result.entries })}`}
          </div>
          <div>
            {t(result.ok ? 'audit.head' : 'audit.recordedHead', { seq: result.head.seq })}{' '}
            <Typography.Text className="audit-hash" copyable code data-testid="audit-head-hash">
              {result.head.hash}
            </Typography.Text>
          </div>
          <div className="muted small">{t('audit.checkedAt', { time: formatHallDateTime(at, lang) })}</div>
        </div>
      }
    />
  );
}
