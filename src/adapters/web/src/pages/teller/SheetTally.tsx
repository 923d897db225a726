import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { type EntryState, removeWriteIn, tallyMarks } from '../../lib/ballot-entry.ts';

/** The line under the grid: the marks counted, the cells left, the names written in, the void reason. */
export function SheetTally({
  sheet,
  onChange,
}: {
  readonly sheet: EntryState;
  readonly onChange: (change: (sheet: EntryState) => EntryState) => void;
}) {
  const { t } = useI18n();
  const tally = tallyMarks(sheet.cells);
  return (
    <Space wrap className="teller-tally">
      <Tag color="red">
        {t('ballot.for')} ○ {tally.F}
      </Tag>
      <Tag>
        {t('ballot.against')} × {tally.A}
      </Tag>
      <Tag>
        {t('ballot.abstain')} {tally['-']}
      </Tag>
      <Tag color="orange">
        {t('ballot.unreadable')} {tally['?']}
      </Tag>
      <Tag color={tally.empty > 0 ? 'default' : 'green'}>{t('teller.empty', { n: tally.empty })}</Tag>
      {sheet.writeIns.map((w) => (
        <Tag key={w} color="blue" closable onClose={() => onChange((s) => removeWriteIn(s, w))}>
          {t('ballot.writeIn')}：{w}
        </Tag>
      ))}
      {sheet.voidReason && (
        <Tag color="volcano" closable onClose={() => onChange((s) => ({ ...s, voidReason: null }))}>
          {t('teller.void')}：{sheet.voidReason}
        </Tag>
      )}
    </Space>
  );
}
