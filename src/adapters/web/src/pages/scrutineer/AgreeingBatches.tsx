import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { joinList } from '../../lib/format.ts';

/** The batches where both passes agree throughout, in one line rather than a card each. */
export function AgreeingBatches({ batches }: { readonly batches: readonly number[] }) {
  const { t, lang } = useI18n();
  if (batches.length === 0) return null;
  return (
    <Alert
      type="success"
      className="scr-quiet"
      data-testid="scr-quiet"
      title={t('scr.quietBatches', { list: joinList(batches, lang), n: batches.length })}
    />
  );
}
