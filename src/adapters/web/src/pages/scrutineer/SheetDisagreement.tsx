import { Button, Table, Tag } from 'antd';
import type { ColumnDifference, Disagreement } from '../../../../../contract/ballots.ts';
import { MarkWord } from '../../components/MarkWord.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { markText } from './scrutineer-logic.ts';

function MarksRow({ marks, differing }: { readonly marks: string; readonly differing: ReadonlySet<number> }) {
  return (
    <div className="scr-marks">
      {[...marks].map((m, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per ballot column
          key={i}
          className={differing.has(i) ? 'differs' : undefined}
        >
          {markText(m)}
        </span>
      ))}
    </div>
  );
}

/** One disputed sheet: both passes one above the other, the differing columns named and marked. */
export function SheetDisagreement({
  disagreement: d,
  onResolve,
}: {
  readonly disagreement: Disagreement;
  readonly onResolve: () => void;
}) {
  const { t } = useI18n();
  const differing = new Set(d.differingCandidates.map((c) => c.column));
  const pass = (label: 'A' | 'B', content: Disagreement['a']) => (
    <div className="scr-pass">
      <span className="scr-pass-label">
        <Tag>{label}</Tag>
        {content.enteredBy}
        {content.voidReason ? ` · ${t('teller.void')}：${content.voidReason}` : ''}
        {content.writeIns.length > 0 ? ` · ${t('ballot.writeIn')}：${content.writeIns.join('、')}` : ''}
      </span>
      <MarksRow marks={content.marks} differing={differing} />
    </div>
  );
  return (
    <div className="scr-sheet" data-testid="scr-disagreement" data-sheet={d.sheetNo}>
      <div className="scr-sheet-head">
        <strong>{t('teller.sheetN', { n: d.sheetNo })}</strong>
        {d.resolution ? (
          <Tag color="green" data-testid="scr-resolved">
            {t('scr.resolvedBy', { name: d.resolution.resolvedBy })}
          </Tag>
        ) : (
          <Tag color="red">{t('scr.unresolved')}</Tag>
        )}
        <Button
          size="small"
          type={d.resolution ? 'default' : 'primary'}
          onClick={onResolve}
          data-testid="scr-resolve"
        >
          {t('scr.resolve')}
        </Button>
      </div>
      {pass('A', d.a)}
      {pass('B', d.b)}
      <Table<ColumnDifference>
        size="small"
        className="scr-differences"
        rowKey="column"
        pagination={false}
        dataSource={[...d.differingCandidates]}
        data-testid="scr-differences"
        columns={[
          {
            title: t('ballot.candidate'),
            render: (_: unknown, c: ColumnDifference) => `${c.column + 1}. ${c.candidate}`,
          },
          {
            title: t('scr.passA'),
            render: (_: unknown, c: ColumnDifference) => <MarkWord mark={d.a.marks[c.column]} />,
          },
          {
            title: t('scr.passB'),
            render: (_: unknown, c: ColumnDifference) => <MarkWord mark={d.b.marks[c.column]} />,
          },
          ...(d.resolution
            ? [
                {
                  title: t('scr.resolution'),
                  render: (_: unknown, c: ColumnDifference) => (
                    <MarkWord mark={d.resolution?.marks[c.column]} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {(d.writeInsDiffer || d.voidReasonDiffers) && (
        <div className="scr-also-differ">
          {d.writeInsDiffer ? t('scr.writeInsDiffer') : ''}
          {d.writeInsDiffer && d.voidReasonDiffers ? ' · ' : ''}
          {d.voidReasonDiffers ? t('scr.voidDiffers') : ''}
        </div>
      )}
    </div>
  );
}
