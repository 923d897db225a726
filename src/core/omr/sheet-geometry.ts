import type { Corner } from './fiducials.ts';
import type { Point, Rect } from './raster.ts';

// Where things are on a printed sheet, in PDF points from the page's top-left corner: what the
// reader needs of the layout that printed the ballot (src/adapters/pdf/ballot-layout.ts, turned
// into this by the scan adapter). The reader computes every box's place in the scan from it.

export interface SheetFiducial {
  readonly corner: Corner;
  readonly center: Point;
  readonly size: number;
}

/** A column of the ballot: the box to mark above, the name printed (or to write in) below. */
export interface SheetCell {
  readonly kind: 'candidate' | 'write-in';
  /** 0-based: the candidate's column in ballot order, or the write-in box's number. */
  readonly index: number;
  readonly mark: Rect;
  readonly name: Rect;
}

export interface SheetGeometry {
  readonly width: number;
  readonly height: number;
  readonly fiducials: readonly SheetFiducial[];
  readonly qr: Rect;
  /** Printed matter starts this far in from every edge: the bands outside are blank but for the fiducials. */
  readonly margin: number;
  readonly cells: readonly SheetCell[];
}
