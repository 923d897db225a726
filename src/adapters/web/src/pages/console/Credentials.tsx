import { ExclamationCircleOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Modal, Radio, Select, Space } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import {
  delegatesEndpoint,
  delegationsEndpoint,
  type IssuedCredential,
  issueCredentialsEndpoint,
} from '../../../../../contract/delegates.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { useEndpoint } from '../../lib/use-api.ts';

// Voting credentials: issued (all delegates or one delegation), shown once, printed as cards with
// two QR codes: the delegate code for the check-in desk, and the credential for voting.

async function qr(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 1, width: 176, errorCorrectionLevel: 'M' });
}

export function Credentials({ congressId, title }: { readonly congressId: string; readonly title: string }) {
  const { t } = useI18n();
  const delegations = useEndpoint(delegationsEndpoint, { params: { congressId } });
  const delegates = useEndpoint(delegatesEndpoint, { params: { congressId } });
  const [scope, setScope] = useState<'all' | 'delegation'>('all');
  const [delegationId, setDelegationId] = useState<string>();
  const [issued, setIssued] = useState<readonly IssuedCredential[]>();
  const [codes, setCodes] = useState<Readonly<Record<string, { checkin: string; vote: string }>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);

  const chosen = (delegates.data ?? []).filter((d) => scope === 'all' || d.delegationId === delegationId);

  useEffect(() => {
    if (!issued) return;
    let cancelled = false;
    void (async () => {
      const next: Record<string, { checkin: string; vote: string }> = {};
      for (const c of issued)
        next[c.delegateId] = { checkin: await qr(c.code), vote: await qr(c.credential) };
      if (!cancelled) setCodes(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [issued]);

  const issue = async () => {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    try {
      const body = scope === 'all' ? {} : { delegateIds: chosen.map((d) => d.id) };
      setIssued(await call(issueCredentialsEndpoint, { params: { congressId }, body }));
      void delegates.reload();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console-page">
      <div className="console-page-head no-print">
        <h1 className="page-title">{t('cr.title')}</h1>
        {issued && (
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="print"
          >
            {t('common.print')}
          </Button>
        )}
      </div>
      <ErrorAlert error={error} />
      {!issued ? (
        <Card className="console-card no-print">
          <p>{t('cr.explain')}</p>
          <div className="field-label">{t('cr.scope')}</div>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Radio.Group
              value={scope}
              onChange={(e) => setScope(e.target.value as 'all' | 'delegation')}
              options={[
                { value: 'all', label: t('cr.scopeAll', { n: delegates.data?.length ?? 0 }) },
                { value: 'delegation', label: t('cr.scopeDelegation') },
              ]}
            />
            {scope === 'delegation' && (
              <Select
                value={delegationId}
                onChange={setDelegationId}
                placeholder={t('dl.allDelegations')}
                options={(delegations.data ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.name}（${d.delegates}）`,
                }))}
                style={{ maxWidth: 360, width: '100%' }}
              />
            )}
            <Button
              type="primary"
              size="large"
              icon={<SafetyCertificateOutlined />}
              disabled={chosen.length === 0 || (scope === 'delegation' && !delegationId)}
              loading={busy}
              onClick={() => setConfirming(true)}
              data-testid="issue-credentials"
            >
              {t('cr.issue')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          title={t('cr.issued', { n: issued.length })}
          description={t('cr.once')}
        />
      )}
      <Modal
        open={confirming}
        title={
          <span>
            <ExclamationCircleOutlined style={{ color: '#c77700' }} />{' '}
            {t('cr.confirmTitle', { n: chosen.length })}
          </span>
        }
        onOk={() => void issue()}
        onCancel={() => setConfirming(false)}
        okText={t('cr.issue')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, id: 'confirm-issue' }}
      >
        <p>{t('cr.confirmBody')}</p>
      </Modal>
      {issued && (
        <div className="print-area" data-testid="credential-sheet">
          <h2 className="print-title">{t('cr.printTitle', { title })}</h2>
          <div className="credential-grid">
            {issued.map((c) => (
              <div key={c.delegateId} className="credential-card" data-testid="credential-card">
                <div className="credential-head">
                  <span className="credential-name">{c.name}</span>
                  <span className="credential-delegation">{c.delegation ?? ''}</span>
                </div>
                <div className="credential-codes">
                  <figure>
                    {codes[c.delegateId] && <img src={codes[c.delegateId]!.checkin} alt={c.code} />}
                    <figcaption>
                      {t('cr.checkinCode')}
                      <strong className="mono">{c.code}</strong>
                    </figcaption>
                  </figure>
                  <figure>
                    {codes[c.delegateId] && <img src={codes[c.delegateId]!.vote} alt={t('cr.voteCode')} />}
                    <figcaption>
                      {t('cr.voteCode')}
                      <strong className="mono" data-testid="credential-text">
                        {c.credential}
                      </strong>
                    </figcaption>
                  </figure>
                </div>
                <div className="credential-note">{t('cr.noScanAtDesk')}</div>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
