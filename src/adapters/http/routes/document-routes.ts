import type { FastifyReply } from 'fastify';
import {
  attendancePdfEndpoint,
  ballotsPdfEndpoint,
  delegateListPdfEndpoint,
  electedListPdfEndpoint,
  tallySheetPdfEndpoint,
} from '../../../contract/documents.ts';
import {
  attendanceRecordDocument,
  delegateListDocument,
} from '../../../services/documents/congress-documents.ts';
import type { DocumentFile, DocumentRenderer } from '../../../services/documents/document-file.ts';
import { ballotSheets, resultList, tallySheet } from '../../../services/documents/election-documents.ts';
import { ServiceError } from '../../../services/errors.ts';
import { BallotTooLargeError, renderPdf } from '../../pdf/index.ts';
import { implement } from '../route.ts';

// Printable documents as PDF (contract, with who may have each: src/contract/documents.ts). The
// list of those elected is public once the election is complete and its last result announced;
// before, admin and presiding have it as a draft and anyone else is refused (409 not-published).

/** The PDF adapter, with its one refusal turned into an answer the client can act on. */
const render: DocumentRenderer = async (model, options) => {
  try {
    return await renderPdf(model, options);
  } catch (error) {
    if (error instanceof BallotTooLargeError) {
      throw new ServiceError(
        422,
        'ballot-too-large',
        `${error.cells} boxes do not fit on one A3 ballot (at most ${error.capacity})`,
        `一张A3选票最多容纳${error.capacity}栏，本票需要${error.cells}栏`,
      );
    }
    throw error;
  }
};

/**
 * RFC 6266 / RFC 5987: an ASCII file name for old clients and the real (Chinese) one as
 * filename*=UTF-8''…, percent-encoded outside the attr-char set.
 */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export function sendPdf(reply: FastifyReply, file: DocumentFile, asciiFallback: string): Buffer {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(file.filename, asciiFallback))
    .header('cache-control', 'no-store')
    .header('x-document-pages', String(file.pages))
    .header('x-document-warnings', String(file.warnings.length));
  return file.pdf;
}

export const documentRoutes = [
  implement(ballotsPdfEndpoint).with(async ({ context, params, query, reply }) =>
    sendPdf(
      reply,
      await ballotSheets(context, params.congressId, params.roundId, query, render),
      'ballots.pdf',
    ),
  ),
  implement(tallySheetPdfEndpoint).with(async ({ context, params, reply }) =>
    sendPdf(reply, await tallySheet(context, params.congressId, params.roundId, render), 'tally-sheet.pdf'),
  ),
  implement(electedListPdfEndpoint).with(async ({ context, actor, params, query, reply }) =>
    sendPdf(
      reply,
      await resultList(
        context,
        actor,
        params.congressId,
        params.electionId,
        { annotate: query.annotate ?? true },
        render,
      ),
      'list.pdf',
    ),
  ),
  implement(delegateListPdfEndpoint).with(async ({ context, params, query, reply }) =>
    sendPdf(
      reply,
      await delegateListDocument(context, params.congressId, { annotate: query.annotate ?? true }, render),
      'delegates.pdf',
    ),
  ),
  implement(attendancePdfEndpoint).with(async ({ context, params, reply }) =>
    sendPdf(
      reply,
      await attendanceRecordDocument(context, params.congressId, params.sittingId, render),
      'attendance.pdf',
    ),
  ),
];
