// Printable documents: the document models of src/core/documents rendered to PDF with pdfkit.
export {
  type BallotLayout,
  BallotTooLargeError,
  CELL_SETTINGS,
  type Fiducial,
  PAPER,
  planBallot,
  REGISTRATION,
} from './ballot-layout.ts';
export { ballotLayout } from './ballot-renderer.ts';
export { defaultFonts, FALLBACK_CANDIDATES, type FontFiles, findFallback, primaryFonts } from './fonts.ts';
export { type RenderedPdf, type RenderOptions, renderPdf } from './render.ts';
