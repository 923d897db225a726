// Optical mark reading of Plenum's own paper ballots (issue 14): pure geometry and scoring on grey
// rasters given as typed arrays. No I/O: the scan adapter (src/adapters/scan) decodes files and
// reads QR codes, the services (src/services/ballots/scanned) keep the images and the decisions.
export * from './fiducials.ts';
export * from './homography.ts';
export * from './levels.ts';
export * from './marks.ts';
export * from './raster.ts';
export * from './read-sheet.ts';
export * from './review.ts';
export * from './sheet-geometry.ts';
