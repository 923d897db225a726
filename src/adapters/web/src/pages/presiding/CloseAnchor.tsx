import type { AuditHead } from '../../../../../contract/audit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { groupedHash } from './presiding-logic.ts';
import './presiding-keys.css';

/**
 * The audit head at the round's close (issue 13 item 14): read out or noted by the presiding
 * officer, as the tally sheet prints it, it anchors the audit chain outside the database — a
 * chain cut back and rewritten after the close no longer reaches this entry and hash.
 */
export function CloseAnchor({ anchor }: { readonly anchor: AuditHead | undefined }) {
  const { t } = useI18n();
  if (!anchor) return null;
  return (
    <div className="presiding-anchor" data-testid="pres-anchor" data-seq={anchor.seq} data-hash={anchor.hash}>
      <span className="presiding-anchor-label">{t('pres.anchor', { seq: anchor.seq })}</span>
      <code className="presiding-anchor-hash">{groupedHash(anchor.hash)}</code>
    </div>
  );
}
