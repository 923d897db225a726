import {
  decideScanItemEndpoint,
  resolveScanItemEndpoint,
  reviewQueueEndpoint,
  scanDisagreementsEndpoint,
  scanOverviewEndpoint,
  scanRoundsEndpoint,
  scanSheetImageEndpoint,
  setAsideScanSheetEndpoint,
  uploadScanEndpoint,
  voidScanSheetEndpoint,
} from '../../../contract/scan.ts';
import { intakeScan } from '../../../services/ballots/scanned/scan-intake.ts';
import {
  decideScanItem,
  resolveScanItem,
  setAsideScanSheet,
  voidScanSheet,
} from '../../../services/ballots/scanned/scan-review.ts';
import {
  reviewQueue,
  scanDisagreements,
  scanOverview,
  scanRounds,
  scanSheetFile,
} from '../../../services/ballots/scanned/scan-views.ts';
import { InputError } from '../../../services/input-error.ts';
import { pageForDisplay, ScanFileError } from '../../scan/decode-scan.ts';
import { readScanFile } from '../../scan/read-scan.ts';
import { implement } from '../route.ts';

// Paper ballots read by scanner (contract: src/contract/scan.ts). The scan adapter's reader is
// handed to the intake service (services do not import adapters): decoding, fiducials, QR code and
// box scores happen here in the server process, pure geometry in src/core/omr.

export const scanRoutes = [
  implement(scanRoundsEndpoint).with(async ({ context, actor, params }) =>
    scanRounds(context, actor, params.congressId),
  ),
  implement(uploadScanEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const { outcome, intake } = await intakeScan(
      context,
      actor,
      params.congressId,
      params.roundId,
      { filename: body.filename, content: Buffer.from(body.contentBase64, 'base64'), source: body.source },
      readScanFile,
    );
    if (outcome === 'created') reply.status(201);
    return intake;
  }),
  implement(scanOverviewEndpoint).with(async ({ context, params }) =>
    scanOverview(context, params.congressId, params.roundId),
  ),
  implement(reviewQueueEndpoint).with(async ({ context, actor, params, query }) =>
    reviewQueue(context, actor, params.congressId, params.roundId, query),
  ),
  implement(decideScanItemEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const result = await decideScanItem(
      context,
      actor,
      params.congressId,
      params.roundId,
      params.itemId,
      body,
    );
    if (result.outcome === 'created') reply.status(201);
    return result;
  }),
  implement(scanDisagreementsEndpoint).with(async ({ context, actor, params }) =>
    scanDisagreements(context, actor, params.congressId, params.roundId),
  ),
  implement(resolveScanItemEndpoint).with(async ({ context, actor, params, body, reply }) => {
    const result = await resolveScanItem(
      context,
      actor,
      params.congressId,
      params.roundId,
      params.itemId,
      body,
    );
    if (result.outcome === 'created') reply.status(201);
    return result;
  }),
  implement(scanSheetImageEndpoint).with(async ({ context, params, reply }) => {
    const { content, page } = await scanSheetFile(context, params.congressId, params.roundId, params.sheetId);
    let image: Awaited<ReturnType<typeof pageForDisplay>>;
    try {
      image = await pageForDisplay(content, page);
    } catch (error) {
      if (error instanceof ScanFileError) throw new InputError('sheet', error.en, error.zh);
      throw error;
    }
    void reply
      .header('content-type', image.mediaType)
      .header('cache-control', 'private, max-age=3600')
      .header(
        'content-disposition',
        `inline; filename="sheet-${params.sheetId}.${image.mediaType === 'image/jpeg' ? 'jpg' : 'png'}"`,
      );
    return image.bytes;
  }),
  implement(setAsideScanSheetEndpoint).with(async ({ context, actor, params, body }) =>
    setAsideScanSheet(context, actor, params.congressId, params.roundId, params.sheetId, body.disposition),
  ),
  implement(voidScanSheetEndpoint).with(async ({ context, actor, params, body }) =>
    voidScanSheet(context, actor, params.congressId, params.roundId, params.sheetId, body.reason),
  ),
];
