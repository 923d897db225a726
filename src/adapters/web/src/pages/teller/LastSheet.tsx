import { Card, Empty } from 'antd';
import type { PaperEntry } from '../../../../../contract/ballots.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SheetMark } from '../../lib/ballot-entry.ts';
import { MarkCell } from './MarkCell.tsx';

/** The last sheet this teller keyed, as the server stored it. */
export function LastSheet({
  last,
  candidates,
}: {
  readonly last: PaperEntry | undefined;
  readonly candidates: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <Card title={t('teller.last')} className="teller-last-card" size="small">
      {last ? (
        <div data-testid="teller-last" data-sheet={last.sheetNo} data-marks={last.marks}>
          <div className="teller-last-line">
            {t('teller.batchN', { n: last.batchNo })} · {t('teller.sheetN', { n: last.sheetNo })}
            {last.voidReason ? ` · ${t('teller.void')}：${last.voidReason}` : ''}
            {last.writeIns.length > 0 ? ` · ${t('ballot.writeIn')}：${last.writeIns.join('、')}` : ''}
          </div>
          <div className="teller-last-marks">
            {[...last.marks].map((m, i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
                key={i}
                title={candidates[i]}
              >
                <MarkCell mark={m as SheetMark} />
              </span>
            ))}
          </div>
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teller.noneYet')} />
      )}
    </Card>
  );
}
