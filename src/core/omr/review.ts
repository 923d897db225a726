import type { CellReading } from './read-sheet.ts';

// Review by exception: what a teller must look at. A mark box goes to review only when it is
// marginal; a write-in box whenever anything is in it (a name is typed by a teller, never read by
// the machine, and a "for" mark above an empty or unreadable name must be seen to count as nothing).

export function needsReview(reading: Pick<CellReading, 'cell' | 'mark' | 'written'>): boolean {
  if (reading.cell.kind === 'write-in') return reading.written === true || reading.mark.verdict !== 'empty';
  return reading.mark.verdict === 'marginal';
}
