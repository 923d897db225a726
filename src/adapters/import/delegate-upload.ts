import { createHash } from 'node:crypto';
import type { UploadedTable } from '../../services/congress/delegate-import.ts';
import { isDelegateHeaderRow } from '../../services/congress/delegate-row.ts';
import { readTable } from './read-rows.ts';

/** An uploaded delegate list (XLSX, or CSV in UTF-8 or GBK) read into the rows the import service checks. */
export async function readDelegateUpload(content: Buffer, fileName: string): Promise<UploadedTable> {
  return {
    fileName,
    sha256: createHash('sha256').update(content).digest('hex'),
    table: await readTable(content, fileName, { isHeaderRow: isDelegateHeaderRow }),
  };
}
