import type { SheetGeometry } from '../../core/omr/sheet-geometry.ts';
import type { BallotLayout } from '../pdf/ballot-layout.ts';

/** What the reader needs of a printed ballot's layout: fiducials, QR code, margins and every box. */
export function sheetGeometry(layout: BallotLayout): SheetGeometry {
  return {
    width: layout.width,
    height: layout.height,
    fiducials: layout.registration.map((f) => ({
      corner: f.corner,
      center: { x: f.x + f.width / 2, y: f.y + f.height / 2 },
      size: f.width,
    })),
    qr: layout.qr,
    margin: layout.margin,
    cells: [
      ...layout.candidates.map((cell, index) => ({
        kind: 'candidate' as const,
        index,
        mark: cell.mark,
        name: cell.name,
      })),
      ...layout.writeIns.map((cell, index) => ({
        kind: 'write-in' as const,
        index,
        mark: cell.mark,
        name: cell.name,
      })),
    ],
  };
}
