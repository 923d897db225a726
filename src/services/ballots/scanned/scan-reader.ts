import type { BallotDocument } from '../../../core/documents/index.ts';
import type {
  MarginalReason,
  MarkSuggestion,
  MarkVerdict,
  RejectionReason,
  Rotation,
} from '../../../core/omr/index.ts';

// What the services need of the scanner: a reader that takes an uploaded file and the ballot the
// round prints, and says, page by page, what it read. The HTTP layer passes the scan adapter's
// reader in (src/adapters/scan/read-scan.ts), as it passes the PDF renderer to the document
// services: services do not import adapters. An unreadable file is an InputError.

export interface ScannedCell {
  readonly kind: 'candidate' | 'write-in';
  readonly index: number;
  readonly verdict: MarkVerdict;
  readonly reason: MarginalReason | null;
  readonly suggestion: MarkSuggestion;
  /** Write-in boxes: whether the name box holds writing. */
  readonly written: boolean | null;
  /** Whether a teller must decide the box: a marginal mark, or anything in a write-in box. */
  readonly review: boolean;
  /** The cell cut out upright (PNG), for the boxes that go to review; null for the others. */
  readonly crop: Buffer | null;
}

export type PageOutcome =
  | { readonly status: 'rejected'; readonly reason: RejectionReason; readonly detail: string }
  | {
      readonly status: 'read';
      /** How far the sheet was turned in the scan (180: fed upside down). */
      readonly rotation: Rotation;
      /** The sheet's number from its QR code, when serials are on. */
      readonly sheet: number | null;
      /** The largest distance (points) between a printed border and where the fiducials put it. */
      readonly registration: number;
      readonly cells: readonly ScannedCell[];
    };

export interface ScannedPage {
  readonly page: number;
  /** SHA-256 of the page's pixels: the same image however it is encoded. */
  readonly sha256: string;
  readonly width: number;
  readonly height: number;
  readonly dpi: number | null;
  readonly outcome: PageOutcome;
}

export interface ScannedFile {
  readonly mediaType: string;
  readonly pages: readonly ScannedPage[];
}

export type ScanReader = (file: Buffer, ballot: BallotDocument) => Promise<ScannedFile>;
