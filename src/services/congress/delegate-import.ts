import type { DelegateImportDone, DelegateImportPreview, ImportRowIssue } from '../../contract/delegates.ts';
import type { DelegatesTable } from '../../persistence/congress-schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, ServiceError } from '../errors.ts';
import { today } from './dates.ts';
import { type DelegateDraft, previewImport, type Table } from './delegate-row.ts';
import { nextCodes } from './delegate-values.ts';
import { refuseRosterFromRegister } from './delegates.ts';
import { ensureDelegations } from './delegations.ts';
import { congressRow, type Reader } from './lookups.ts';

// Importing a delegate list (XLSX, or CSV in UTF-8 or GBK) in two steps: the preview says row by
// row what is wrong, in both languages; the commit parses the same upload again (the server
// keeps nothing between the two requests) and writes every row in one transaction, or none.

/** An uploaded list, already read into rows by the import adapter (adapters/import/delegate-upload.ts). */
export interface UploadedTable {
  readonly fileName: string;
  /** SHA-256 of the file's bytes: the commit refuses a file other than the one previewed. */
  readonly sha256: string;
  readonly table: Table;
}

/** The commit refused the file: nothing was written; `preview` says why, row by row. */
export class ImportRefused extends ServiceError {
  constructor(readonly preview: DelegateImportPreview) {
    super(
      422,
      'import-refused',
      `${preview.errors.length} problem(s) in the file; nothing was imported`,
      `文件中有${preview.errors.length}处问题，未导入任何代表`,
    );
  }
}

interface Parsed {
  readonly preview: DelegateImportPreview;
  /** The drafts with the spreadsheet row each came from. */
  readonly rows: { row: number; draft: DelegateDraft }[];
}

function parse(context: ServiceContext, file: UploadedTable): Parsed {
  const { table } = file;
  const result = previewImport(table, { today: today(context) });
  // previewImport keeps exactly the rows without an issue, in file order: pair them back up
  // with their spreadsheet row numbers so that conflicts with stored delegates name the row too.
  const numbers = table.rowNumbers ?? table.rows.map((_, index) => index + 2);
  const withIssue = new Set(result.errors.map((issue) => issue.row));
  const clean = numbers.filter((row) => !withIssue.has(row));
  const rows = result.valid.map((draft, index) => ({
    row: clean.length === result.valid.length ? clean[index]! : 0,
    draft,
  }));
  return {
    rows,
    preview: {
      fileName: file.fileName,
      sha256: file.sha256,
      encoding: table.encoding ?? null,
      total: result.total,
      validCount: result.valid.length,
      errors: result.errors.map((issue) => ({
        row: issue.row,
        field: issue.field,
        en: issue.message.en,
        zh: issue.message.zh,
      })),
      ignoredColumns: result.ignoredColumns,
      newDelegations: [],
      delegates: result.valid,
    },
  };
}

/** Codes and ID numbers the congress already has: a row repeating one cannot be imported. */
async function storedConflicts(
  db: Reader,
  congressId: string,
  rows: Parsed['rows'],
): Promise<ImportRowIssue[]> {
  const stored = await db
    .selectFrom('delegates')
    .select(['name', 'code', 'id_number'])
    .where('congress_id', '=', congressId)
    .execute();
  const byCode = new Map(stored.map((d) => [d.code, d.name]));
  const byIdNumber = new Map(stored.filter((d) => d.id_number !== null).map((d) => [d.id_number!, d.name]));
  const issues: ImportRowIssue[] = [];
  for (const { row, draft } of rows) {
    const idHolder = byIdNumber.get(draft.idNumber);
    if (idHolder) {
      issues.push({
        row,
        field: 'idNumber',
        en: `This ID number is already registered, for ${idHolder}.`,
        zh: `该身份证号码已登记（${idHolder}）。`,
      });
    }
    const codeHolder = draft.code === undefined ? undefined : byCode.get(draft.code);
    if (codeHolder) {
      issues.push({
        row,
        field: 'code',
        en: `Delegate code ${draft.code} is already used by ${codeHolder}.`,
        zh: `代表证号${draft.code}已由${codeHolder}使用。`,
      });
    }
  }
  return issues;
}

async function newDelegations(db: Reader, congressId: string, rows: Parsed['rows']): Promise<string[]> {
  const existing = new Set(
    (await db.selectFrom('delegations').select('name').where('congress_id', '=', congressId).execute()).map(
      (d) => d.name,
    ),
  );
  return [...new Set(rows.map(({ draft }) => draft.delegation))].filter((name) => !existing.has(name));
}

function withIssues(parsed: Parsed, issues: ImportRowIssue[], fresh: string[]): DelegateImportPreview {
  const refused = new Set(issues.map((issue) => issue.row));
  const kept = parsed.rows.filter(({ row }) => !refused.has(row));
  return {
    ...parsed.preview,
    errors: [...parsed.preview.errors, ...issues].sort((a, b) => a.row - b.row),
    newDelegations: fresh,
    validCount: kept.length,
    delegates: kept.map(({ draft }) => draft),
  };
}

export async function previewDelegateImport(
  context: ServiceContext,
  congressId: string,
  file: UploadedTable,
): Promise<DelegateImportPreview> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const parsed = parse(context, file);
  return withIssues(
    parsed,
    await storedConflicts(db, congressId, parsed.rows),
    await newDelegations(db, congressId, parsed.rows),
  );
}

/**
 * Writes every delegate of the file, creating the delegations it names, in one transaction — or,
 * if any row has a problem (in the file, or against the delegates already stored), nothing.
 */
export async function commitDelegateImport(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  file: UploadedTable,
  expectedSha256?: string,
): Promise<DelegateImportDone> {
  const parsed = parse(context, file);
  if (expectedSha256 !== undefined && expectedSha256 !== parsed.preview.sha256) {
    throw conflict(
      'upload-changed',
      'this is not the file that was previewed; preview it again',
      '上传的文件与预览的文件不同，请重新预览',
    );
  }
  if (parsed.preview.errors.length > 0) throw new ImportRefused(parsed.preview);
  return auditedWrite(context, actor, async (trx, at) => {
    refuseRosterFromRegister(await congressRow(trx, congressId));
    const issues = await storedConflicts(trx, congressId, parsed.rows);
    if (issues.length > 0) throw new ImportRefused(withIssues(parsed, issues, []));
    const drafts = parsed.rows.map(({ draft }) => draft);
    const { ids, created } = await ensureDelegations(
      trx,
      congressId,
      drafts.map((d) => d.delegation),
      () => context.random.id(),
    );
    const stored = (
      await trx.selectFrom('delegates').select('code').where('congress_id', '=', congressId).execute()
    ).map((d) => d.code);
    const given = drafts.flatMap((d) => (d.code === undefined ? [] : [d.code]));
    const generated = nextCodes([...stored, ...given], drafts.filter((d) => d.code === undefined).length);
    const rows: DelegatesTable[] = drafts.map((draft) => ({
      id: context.random.id(),
      congress_id: congressId,
      delegation_id: ids.get(draft.delegation)!,
      code: draft.code ?? generated.shift()!,
      name: draft.name,
      gender: draft.gender,
      ethnicity: draft.ethnicity,
      birth_date: draft.birthDate,
      joined_date: draft.joinedDate,
      position: draft.position,
      id_number: draft.idNumber,
      voting_rights: draft.votingRights ? 1 : 0,
      suspension_reason: draft.suspensionReason ?? null,
      photo: null,
      credential_hash: null,
      account_id: null,
      created_at: at,
    }));
    // Well under both engines' limits on bound parameters per statement.
    for (let start = 0; start < rows.length; start += 50) {
      await trx
        .insertInto('delegates')
        .values(rows.slice(start, start + 50))
        .execute();
    }
    const codes = rows.length > 0 ? { first: rows[0]!.code, last: rows.at(-1)!.code } : null;
    const result = { imported: rows.length, delegationsCreated: created.map((d) => d.name), codes };
    return {
      result,
      // The audit entry names the file and what it added, without the ID numbers it carried.
      audit: {
        action: 'delegate.import',
        subject: `congress:${congressId}`,
        after: {
          ...result,
          fileName: file.fileName,
          sha256: parsed.preview.sha256,
          delegates: rows.map((r) => ({ id: r.id, code: r.code, name: r.name })),
        },
      },
    };
  });
}
