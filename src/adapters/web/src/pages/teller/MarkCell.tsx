import { MARK_SYMBOL, type SheetMark } from '../../lib/ballot-entry.ts';

const MARK_COLOR: Readonly<Record<SheetMark, string>> = {
  F: '#b71c1c',
  A: '#1f1f1f',
  '-': '#8c8c8c',
  '?': '#c77700',
};

/** One keyed mark in the paper's symbols and colours; a dot for a cell not keyed yet. */
export function MarkCell({ mark }: { readonly mark: SheetMark | null }) {
  if (mark === null) return <span style={{ color: '#d9d9d9' }}>·</span>;
  return (
    <span style={{ color: MARK_COLOR[mark], fontWeight: 700 }}>{mark === '-' ? '—' : MARK_SYMBOL[mark]}</span>
  );
}
