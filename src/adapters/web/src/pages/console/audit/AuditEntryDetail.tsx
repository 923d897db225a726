import type { AuditEntry } from '../../../../../../contract/audit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHallDateTime } from '../../../lib/format.ts';

/** An entry opened up: who and when in full, the state before and after, and its place in the chain. */
export function AuditEntryDetail({
  entry,
  actorName,
}: {
  readonly entry: AuditEntry;
  readonly actorName: string;
}) {
  const { t, lang } = useI18n();
  const json = (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value, null, 2);
  const before = json(entry.before);
  const after = json(entry.after);
  return (
    <div className="audit-detail" data-testid="audit-detail">
      <dl className="audit-detail-facts">
        <dt>{t('audit.col.at')}</dt>
        <dd>{formatHallDateTime(entry.at, lang)}</dd>
        <dt>{t('audit.col.actor')}</dt>
        <dd>
          {actorName} <code>{entry.actor}</code>
        </dd>
        <dt>{t('audit.col.subject')}</dt>
        <dd>
          <code>{entry.subject}</code>
        </dd>
        <dt>{t('audit.prevHash')}</dt>
        <dd>
          <code className="audit-hash">{entry.prevHash}</code>
        </dd>
        <dt>{t('audit.hash')}</dt>
        <dd>
          <code className="audit-hash">{entry.hash}</code>
        </dd>
      </dl>
      <div className="audit-detail-states">
        <section>
          <h4>{t('audit.before')}</h4>
          {before ? <pre>{before}</pre> : <p className="muted">{t('audit.nothing')}</p>}
        </section>
        <section>
          <h4>{t('audit.after')}</h4>
          {after ? <pre>{after}</pre> : <p className="muted">{t('audit.nothing')}</p>}
        </section>
      </div>
    </div>
  );
}
