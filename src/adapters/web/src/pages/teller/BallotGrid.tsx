import type { KeyboardEvent, RefObject } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EntryState } from '../../lib/ballot-entry.ts';
import { MarkCell } from './MarkCell.tsx';

/** The sheet as a grid of the printed candidates: it takes the teller's keys; a click moves the cursor. */
export function BallotGrid({
  grid,
  candidates,
  sheet,
  columns,
  onKeyDown,
  onCell,
}: {
  readonly grid: RefObject<HTMLDivElement | null>;
  readonly candidates: readonly string[];
  readonly sheet: EntryState;
  readonly columns: number;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly onCell: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div
      ref={grid}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid is the teller's keyboard target
      tabIndex={0}
      role="application"
      aria-label={t('teller.grid')}
      onKeyDown={onKeyDown}
      data-testid="ballot-grid"
      data-cursor={sheet.cursor}
      className="teller-grid"
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
    >
      {candidates.map((name, i) => (
        <button
          type="button"
          key={name}
          tabIndex={-1}
          className={[
            'teller-cell',
            i === sheet.cursor ? 'cursor' : '',
            sheet.cells[i] === null ? 'empty' : 'keyed',
          ].join(' ')}
          data-testid="ballot-cell"
          data-mark={sheet.cells[i] ?? ''}
          onClick={() => onCell(i)}
        >
          <span className="teller-cell-name">
            <span className="teller-cell-no">{i + 1}</span>
            {name}
          </span>
          <span className="teller-cell-mark">
            <MarkCell mark={sheet.cells[i] ?? null} />
          </span>
        </button>
      ))}
    </div>
  );
}
