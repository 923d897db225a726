import { Alert } from 'antd';
import { useEffect } from 'react';
import { credentialReissuesEndpoint } from '../../../../../contract/delegates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatHallDateTime } from '../../lib/format.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { reissueNotices } from './presiding-logic.ts';
import './presiding-keys.css';

/** No event announces a request; the page asks again this often (and after every round's change). */
const REISSUE_POLL_MS = 20_000;

/**
 * [B4] Every new voting code asked for while an electronic vote was open (issue 13 item 4): such a
 * code could vote in the delegate's name, so the presiding officer sees each — who asked, why,
 * and whether a scrutineer approved it — and can say so to the hall.
 */
export function CredentialReissues({
  congressId,
  stale,
}: {
  readonly congressId: string;
  readonly stale: number;
}) {
  const { t, lang } = useI18n();
  const reissues = useEndpoint(credentialReissuesEndpoint, { params: { congressId } });
  const reload = reissues.reload;
  useEffect(() => {
    if (stale > 0) void reload();
  }, [stale, reload]);
  useEffect(() => {
    const timer = setInterval(() => void reload(), REISSUE_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const list = reissueNotices(reissues.data ?? []);
  if (list.length === 0) return null;
  return (
    <div className="presiding-reissues" data-testid="pres-reissues">
      {list.map((r) => (
        <Alert
          key={r.id}
          type={r.status === 'pending' ? 'warning' : 'info'}
          showIcon
          data-testid="pres-reissue"
          data-status={r.status}
          data-delegate={r.code}
          title={t(r.status === 'pending' ? 'pres.reissue.pending' : 'pres.reissue.approved', {
            name: r.name,
            code: r.code,
            by: r.approvedBy ?? '',
          })}
          description={t('pres.reissue.detail', {
            by: r.requestedBy,
            at: formatHallDateTime(r.requestedAt, lang),
            reason: r.reason,
            votes: r.openVotes.map((v) => v.title).join(lang === 'zh' ? '、' : ', '),
          })}
        />
      ))}
    </div>
  );
}
