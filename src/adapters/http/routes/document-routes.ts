import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { MAX_SHEETS } from '../../../core/documents/index.ts';
import {
  attendanceRecordDocument,
  delegateListDocument,
} from '../../../services/documents/congress-documents.ts';
import type { DocumentFile, DocumentRenderer } from '../../../services/documents/document-file.ts';
import { ballotSheets, resultList, tallySheet } from '../../../services/documents/election-documents.ts';
import { ServiceError } from '../../../services/errors.ts';
import { BallotTooLargeError, renderPdf } from '../../pdf/index.ts';
import { route } from '../route.ts';

// Printable documents as PDF (issue "Documents and publication"). Who may have each:
// - ballots: the secretariat only (admin) — blank ballots are controlled stationery;
// - tally sheets: admin, scrutineer, presiding, teller — the people who count and sign;
// - the list of those elected: admin and presiding at any time (a draft until the election is
//   complete); anyone else, the public included, once the election is complete and its last
//   result announced (409 not-published before);
// - the delegate list: admin (it names every delegate, with gender and ethnicity);
// - a sitting's attendance record: admin, presiding, check-in.

const id = z.string().min(1).max(64);
const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');
const annotateQuery = z.strictObject({ annotate: flag.optional() });

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

function sendPdf(reply: FastifyReply, file: DocumentFile, asciiFallback: string): Buffer {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(file.filename, asciiFallback))
    .header('cache-control', 'no-store')
    .header('x-document-pages', String(file.pages))
    .header('x-document-warnings', String(file.warnings.length));
  return file.pdf;
}

export const documentRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/rounds/:roundId/ballots.pdf',
    tag: 'documents',
    summary:
      'Paper ballots of a round (选举票): ballot order [C3], mark boxes, write-in boxes, serial and QR code per sheet [B1]',
    allow: ['admin'],
    params: z.object({ congressId: id, roundId: id }),
    query: z.strictObject({
      sheets: z.coerce.number().int().min(1).max(MAX_SHEETS).optional(),
      from: z.coerce.number().int().min(1).max(1_000_000).optional(),
    }),
    handler: async ({ context, params, query, reply }) =>
      sendPdf(
        reply,
        await ballotSheets(context, params.congressId, params.roundId, query, render),
        'ballots.pdf',
      ),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/rounds/:roundId/tally-sheet.pdf',
    tag: 'documents',
    summary: 'The tally sheet of a round (计票结果报告单) [B2][B3][T1]–[T4], with signature lines [P1][P2]',
    allow: ['admin', 'scrutineer', 'presiding', 'teller'],
    params: z.object({ congressId: id, roundId: id }),
    handler: async ({ context, params, reply }) =>
      sendPdf(reply, await tallySheet(context, params.congressId, params.roundId, render), 'tally-sheet.pdf'),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/elections/:electionId/list.pdf',
    tag: 'documents',
    summary:
      'The list of those elected [T6][T7]; public once the election is complete and announced, a draft for admin and presiding before',
    allow: ['admin', 'presiding', 'public'],
    params: z.object({ congressId: id, electionId: id }),
    query: annotateQuery,
    handler: async ({ context, actor, params, query, reply }) =>
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
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/delegates.pdf',
    tag: 'documents',
    summary: 'The delegate list (代表名单): by delegation, surname-stroke order within each [T7]',
    allow: ['admin'],
    params: z.object({ congressId: id }),
    query: annotateQuery,
    handler: async ({ context, params, query, reply }) =>
      sendPdf(
        reply,
        await delegateListDocument(context, params.congressId, { annotate: query.annotate ?? true }, render),
        'delegates.pdf',
      ),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/sittings/:sittingId/attendance.pdf',
    tag: 'documents',
    summary: 'The attendance record of a sitting: expected, on leave with reasons, present, quorum [Q1]–[Q4]',
    allow: ['admin', 'presiding', 'check-in'],
    params: z.object({ congressId: id, sittingId: id }),
    handler: async ({ context, params, reply }) =>
      sendPdf(
        reply,
        await attendanceRecordDocument(context, params.congressId, params.sittingId, render),
        'attendance.pdf',
      ),
  }),
];
