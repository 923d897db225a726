import type { Kysely } from 'kysely';
import type { PrintableDocument } from '../../core/documents/index.ts';
import { type CalendarDate, calendarDateAt } from '../../core/text/calendar.ts';
import type { Schema } from '../../persistence/index.ts';
import type { ServiceContext } from '../context.ts';

// What every document service shares: the renderer it is given (the PDF adapter, passed in by
// the HTTP layer: services do not import adapters), the file it returns, dates and delegations.

export interface RenderedDocument {
  readonly pdf: Buffer;
  readonly pages: number;
  readonly warnings: readonly string[];
}

/** Renders a document model (src/adapters/pdf renderPdf, or a stand-in). */
export type DocumentRenderer = (
  model: PrintableDocument,
  options: { readonly createdAt: Date },
) => Promise<RenderedDocument>;

export interface DocumentFile extends RenderedDocument {
  /** The file name to offer: the document's title and .pdf. */
  readonly filename: string;
}

/** Renders with the context's clock as the creation date and names the file after the title. */
export async function documentFile(
  context: ServiceContext,
  render: DocumentRenderer,
  model: PrintableDocument,
): Promise<DocumentFile> {
  const rendered = await render(model, { createdAt: context.clock.now() });
  return { ...rendered, filename: `${fileSafe(model.title)}.pdf` };
}

/** A title as a file name: characters file systems refuse become full-width or are dropped. */
export function fileSafe(title: string): string {
  return title
    .replace(/[/\\]/g, '／')
    .replace(/[:*?"<>|]/g, '')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

/** The calendar day (China Standard Time) of a stored ISO time; null stays null. */
export function storedDay(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : calendarDateAt(instant);
}

/** The congress's delegations in list order (sort order, then name), as the delegate lists use it. */
export async function delegationOrder(
  db: Kysely<Schema>,
  congressId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('delegations')
    .select(['id', 'name'])
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}
