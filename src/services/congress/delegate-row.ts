// Gives the columns of an uploaded delegate list their meaning and validates every row into a
// DelegateDraft. Nothing is stored here: the preview says which rows are valid and what is wrong
// with the others, and the service layer commits all rows or none.

import { z } from 'zod';
import type { Bilingual } from '../../core/text/bilingual.ts';
import { type CalendarDate, parseIsoDate } from '../../core/text/calendar.ts';
import {
  ETHNIC_GROUPS,
  type Ethnicity,
  type Gender,
  genderZh,
  parseEthnicity,
  parseGender,
} from '../../core/text/gender-ethnicity.ts';
import { validateIdNumber } from '../../core/text/id-number.ts';
import { nameProblem, normaliseName, normalisePersonName } from '../../core/text/person-name.ts';
import { compareSheetDate, parseSheetDate } from '../../core/text/sheet-date.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;
const ETHNICITIES = ETHNIC_GROUPS.map((g) => g.zh) as [Ethnicity, ...Ethnicity[]];

/** The canonical shape of a draft, for any boundary that receives drafts back (e.g. the commit). */
/** A delegate list as rows of trimmed strings, whatever file it came from (adapters/import reads the files). */
export interface Table {
  headers: string[];
  rows: string[][];
  /**
   * For each of rows, the row number the user sees in the spreadsheet. Blank rows and any title
   * rows above the header are skipped but still counted, so the numbers match Excel's. When
   * absent (a table built by hand), the header is row 1 and the data follow without gaps.
   */
  rowNumbers?: number[];
  headerRowNumber?: number;
  /** For CSV: the encoding the bytes were decoded from. */
  encoding?: string;
}

export const delegateDraftSchema = z.object({
  name: z.string().min(1),
  gender: z.enum(['male', 'female']),
  ethnicity: z.enum(ETHNICITIES),
  /** From the ID number, which is authoritative: always a full date. */
  birthDate: z.string().regex(ISO_DAY),
  /** 'YYYY-MM-DD', or 'YYYY-MM' when the list gives only the month. */
  joinedDate: z.string().regex(ISO_DAY_OR_MONTH),
  position: z.string().min(1),
  delegation: z.string().min(1),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  votingRights: z.boolean(),
  suspensionReason: z.string().min(1).optional(),
  code: z.string().min(1).optional(),
});

export type DelegateDraft = z.infer<typeof delegateDraftSchema>;
export type DelegateField = keyof DelegateDraft;

export interface ImportIssue {
  /** The row as the user sees it in Excel: the header is row 1 (or wherever it really is). */
  row: number;
  /** The draft field at fault, or 'file' for a problem with the whole file. */
  field: DelegateField | 'file';
  message: Bilingual;
}

export interface ImportPreview {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  valid: DelegateDraft[];
  errors: ImportIssue[];
  /** Headers that name no field (序号, 备注…): their columns are not imported. */
  ignoredColumns: string[];
}

export const FIELD_LABELS: Readonly<Record<DelegateField | 'file', Bilingual>> = {
  name: { zh: '姓名', en: 'name' },
  gender: { zh: '性别', en: 'gender' },
  ethnicity: { zh: '民族', en: 'ethnicity' },
  birthDate: { zh: '出生日期', en: 'date of birth' },
  joinedDate: { zh: '入党时间', en: 'date of joining the Party' },
  position: { zh: '职务', en: 'position' },
  delegation: { zh: '代表团', en: 'delegation' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  votingRights: { zh: '表决权', en: 'voting rights' },
  suspensionReason: { zh: '暂停原因', en: 'reason for suspension' },
  code: { zh: '代表证号', en: 'delegate code' },
  file: { zh: '文件', en: 'file' },
};

/**
 * Header names per field, compared after normalising (see headerKey). The gender, birth-date
 * and voting columns may be left out: the ID number gives the first two, and a list without a
 * voting column means every delegate votes unless a suspension reason says otherwise.
 */
const HEADER_NAMES: Readonly<Record<DelegateField, readonly string[]>> = {
  name: ['姓名', 'name'],
  gender: ['性别', 'gender', 'sex'],
  ethnicity: ['民族', 'ethnicity', 'ethnicgroup'],
  birthDate: ['出生日期', '出生年月', '出生年月日', 'birthdate', 'dateofbirth'],
  joinedDate: ['入党时间', '入党日期', '入党年月', 'joineddate', 'datejoined'],
  position: ['职务', '工作单位及职务', 'position'],
  delegation: ['代表团', 'delegation'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', 'idnumber'],
  votingRights: ['表决权', '选举权', 'votingstatus', 'votingrights'],
  suspensionReason: ['暂停原因', 'suspensionreason'],
  code: ['代表证号', '代表编号', 'code', 'delegatecode'],
};

const REQUIRED_COLUMNS: readonly DelegateField[] = [
  'name',
  'ethnicity',
  'joinedDate',
  'position',
  'delegation',
  'idNumber',
];

/**
 * Headers carry decoration: a required-field star (*姓名), a hint in brackets
 * (出生年月（如1975.03）), line breaks from Alt+Enter, a colon; English ones vary in case and spacing.
 */
function headerKey(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：_-]/g, '')
    .toLowerCase();
}

const FIELD_BY_HEADER: ReadonlyMap<string, DelegateField> = new Map(
  (Object.entries(HEADER_NAMES) as [DelegateField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [n, field] as const),
  ),
);

/**
 * For readTable's isHeaderRow: a row naming at least three fields is the header, so that lines
 * above it (a title, 填报单位：… 填报日期：…) are passed over.
 */
export function isDelegateHeaderRow(cells: readonly string[]): boolean {
  return (
    new Set(cells.map((c) => FIELD_BY_HEADER.get(headerKey(c))).filter((f) => f !== undefined)).size >= 3
  );
}

// ---- cell schemas ------------------------------------------------------------------------------

type Cell = string | undefined;

/** Adds a bilingual issue; zod keeps the English as the message and the Chinese in params. */
function reject(ctx: z.RefinementCtx, message: Bilingual): never {
  ctx.addIssue({ code: 'custom', message: message.en, params: { zh: message.zh } });
  return z.NEVER;
}

function required(field: DelegateField) {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') {
        const label = FIELD_LABELS[field];
        return reject(ctx, { en: `The ${label.en} is missing.`, zh: `${label.zh}不能为空。` });
      }
      return s;
    });
}

const optional = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s));

const collapseSpaces = (s: string): string => s.replace(/\s+/g, ' ');

/** A refused name as an error message may show it: what cannot be shown as its code point. */
const shown = (s: string): string =>
  s.replace(
    /[\p{C}\u2028\u2029<>]/gu,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );

const YES = new Set(['有', '是', 'yes', 'y', 'true', '1', '√', '✓']);
const NO = new Set(['无', '没有', '否', '暂停', 'no', 'n', 'false', '0', '×', '✗']);

function cellSchemas(today: CalendarDate) {
  const sheetDate = (field: DelegateField, cell: z.ZodType<string | undefined, Cell>) =>
    cell.transform((s, ctx) => {
      if (s === undefined) return undefined;
      const parsed = parseSheetDate(s);
      if (!parsed.ok) return reject(ctx, parsed.reason);
      if (compareSheetDate(parsed.value, today) > 0) {
        const label = FIELD_LABELS[field];
        return reject(ctx, {
          en: `The ${label.en} ${s} is in the future.`,
          zh: `${label.zh}“${s}”晚于今天。`,
        });
      }
      return parsed;
    });

  return {
    name: required('name').transform((s, ctx) => {
      // The rule the delegate form applies too (contract personName, person-name.ts).
      const problem = nameProblem(s);
      if (problem) {
        return reject(ctx, {
          en: `The name "${shown(s)}" ${problem.en}.`,
          zh: `姓名“${shown(s)}”${problem.zh}。`,
        });
      }
      // Lists copied from a published roster carry notes such as 王宁（女） or 马强（回族）; the
      // note belongs in its own column and must not become part of the name.
      return /[（(【[]/.test(s)
        ? reject(ctx, {
            en: `The name "${s}" contains a note in brackets; put gender and ethnicity in their own columns.`,
            zh: `姓名“${s}”中含有括号注释，性别、民族请填在各自的列中。`,
          })
        : normalisePersonName(s);
    }),
    gender: optional.transform((s, ctx): Gender | undefined => {
      if (s === undefined) return undefined;
      return (
        parseGender(s) ??
        reject(ctx, { en: `Gender "${s}" should be 男 or 女.`, zh: `性别“${s}”应为“男”或“女”。` })
      );
    }),
    ethnicity: required('ethnicity').transform(
      (s, ctx): Ethnicity =>
        parseEthnicity(s) ??
        reject(ctx, { en: `"${s}" is not one of the 56 ethnic groups.`, zh: `“${s}”不是56个民族之一。` }),
    ),
    birthDate: sheetDate('birthDate', optional),
    joinedDate: sheetDate('joinedDate', required('joinedDate')),
    position: required('position').transform(collapseSpaces),
    delegation: required('delegation').transform((s, ctx) => {
      const problem = nameProblem(s);
      if (problem) {
        return reject(ctx, {
          en: `The delegation "${shown(s)}" ${problem.en}.`,
          zh: `代表团“${shown(s)}”${problem.zh}。`,
        });
      }
      return normaliseName(s);
    }),
    idNumber: required('idNumber').transform((s, ctx) => {
      const result = validateIdNumber(s, today);
      return result.ok ? result : reject(ctx, result.reason);
    }),
    votingRights: optional.transform((s, ctx): boolean | undefined => {
      if (s === undefined) return undefined;
      const key = s.toLowerCase();
      if (YES.has(key)) return true;
      if (NO.has(key)) return false;
      return reject(ctx, {
        en: `Voting rights "${s}" should be 有 or 无.`,
        zh: `表决权“${s}”应为“有”或“无”。`,
      });
    }),
    suspensionReason: optional.transform((s) => (s === undefined ? undefined : collapseSpaces(s))),
    code: optional,
  };
}

type Parsed = { [F in keyof ReturnType<typeof cellSchemas>]?: z.output<ReturnType<typeof cellSchemas>[F]> };

// ---- the preview -------------------------------------------------------------------------------

interface RowOutcome {
  row: number;
  draft?: DelegateDraft;
  errors: ImportIssue[];
  /** Kept even when the row has other errors, so that duplicates are found on every row. */
  unique: { idNumber?: string; code?: string };
}

export function previewImport(table: Table, options: { today: CalendarDate }): ImportPreview {
  const headerRow = table.headerRowNumber ?? 1;
  const errors: ImportIssue[] = [];
  const fileIssue = (field: DelegateField | 'file', message: Bilingual) =>
    errors.push({ row: headerRow, field, message });

  // Which column holds which field.
  const columns = new Map<DelegateField, number>();
  const ignoredColumns: string[] = [];
  table.headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (field === undefined) {
      if (header !== '') ignoredColumns.push(header);
      return;
    }
    const earlier = columns.get(field);
    if (earlier !== undefined) {
      fileIssue(field, {
        en: `Columns "${table.headers[earlier]}" and "${header}" both give the ${FIELD_LABELS[field].en}; keep one.`,
        zh: `“${table.headers[earlier]}”和“${header}”两列都是${FIELD_LABELS[field].zh}，请只保留一列。`,
      });
      return;
    }
    columns.set(field, index);
  });
  const missing = REQUIRED_COLUMNS.filter((field) => !columns.has(field));
  for (const field of missing) {
    const names = HEADER_NAMES[field];
    fileIssue(field, {
      en: `There is no ${FIELD_LABELS[field].en} column (headed ${names.filter((n) => /^[a-z]/.test(n)).join(' or ')}).`,
      zh: `缺少${FIELD_LABELS[field].zh}列（列名为${names.filter((n) => !/^[a-z]/.test(n)).join('或')}）。`,
    });
  }
  if (table.rows.length === 0) {
    fileIssue('file', { en: 'The list has a header but no delegates.', zh: '名单只有表头，没有代表。' });
  }

  // A file whose columns are wrong has no valid rows, even where a row's own cells are fine.
  const columnsAreSound = errors.length === 0;
  const schemas = cellSchemas(options.today);
  const outcomes = table.rows.map((cells, i) =>
    checkRow(cells, table.rowNumbers?.[i] ?? i + 2, columns, schemas),
  );
  flagDuplicates(outcomes, 'idNumber');
  flagDuplicates(outcomes, 'code');

  for (const o of outcomes) errors.push(...o.errors);
  return {
    total: table.rows.length,
    valid: columnsAreSound
      ? outcomes.flatMap((o) => (o.draft && o.errors.length === 0 ? [o.draft] : []))
      : [],
    errors,
    ignoredColumns,
  };
}

function checkRow(
  cells: string[],
  row: number,
  columns: ReadonlyMap<DelegateField, number>,
  schemas: ReturnType<typeof cellSchemas>,
): RowOutcome {
  const errors: ImportIssue[] = [];
  const add = (field: DelegateField, message: Bilingual) => {
    // One message per field: the first problem found is the one to fix.
    if (!errors.some((e) => e.field === field)) errors.push({ row, field, message });
  };

  const parsed: Parsed = {};
  for (const [field, schema] of Object.entries(schemas) as [keyof Parsed, z.ZodType][]) {
    const column = columns.get(field);
    // A required column missing from the file is reported once, on the header row.
    if (column === undefined && REQUIRED_COLUMNS.includes(field)) continue;
    const result = schema.safeParse(column === undefined ? undefined : (cells[column] ?? ''));
    if (result.success) {
      (parsed as Record<string, unknown>)[field] = result.data;
    } else {
      const issue = result.error.issues[0]!;
      const zh =
        issue.code === 'custom' && typeof issue.params?.zh === 'string' ? issue.params.zh : issue.message;
      add(field, { en: issue.message, zh });
    }
  }

  const id = parsed.idNumber;
  // What the ID number says must agree with the gender and birth-date columns.
  if (id && parsed.gender && parsed.gender !== id.gender) {
    add('gender', {
      en: `Gender ${parsed.gender} does not match the ID number, which is a ${id.gender}'s.`,
      zh: `性别“${genderZh(parsed.gender)}”与身份证号码（${genderZh(id.gender)}）不符。`,
    });
  }
  const birth = parsed.birthDate;
  let birthFromColumn: string | undefined;
  if (birth) {
    if (id) {
      const agrees = (value: string) => id.birthDate.startsWith(value);
      if (!agrees(birth.value) && !(birth.ambiguousWith && agrees(birth.ambiguousWith))) {
        add('birthDate', {
          en: `The date of birth ${birth.value} does not match the ID number (${id.birthDate}).`,
          zh: `出生日期${birth.value}与身份证号码中的出生日期（${id.birthDate}）不符。`,
        });
      }
    } else if (birth.ambiguousWith) {
      add('birthDate', ambiguousMonth(birth.value));
    } else {
      birthFromColumn = birth.value;
    }
  }
  const joined = parsed.joinedDate;
  if (joined?.ambiguousWith) add('joinedDate', ambiguousMonth(joined.value));
  const birthDate = id?.birthDate ?? birthFromColumn;
  if (joined && birthDate) {
    const birthDay = parseIsoDate(birthDate.length === 7 ? `${birthDate}-01` : birthDate);
    if (birthDay && compareSheetDate(joined.value, birthDay) < 0) {
      add('joinedDate', {
        en: `The date of joining the Party (${joined.value}) is before the date of birth (${birthDate}).`,
        zh: `入党时间（${joined.value}）早于出生日期（${birthDate}）。`,
      });
    }
  }

  // Without a voting column, a suspension reason is what takes the vote away.
  const votingRights = parsed.votingRights ?? parsed.suspensionReason === undefined;
  if (
    !votingRights &&
    parsed.suspensionReason === undefined &&
    !errors.some((e) => e.field === 'votingRights')
  ) {
    add('suspensionReason', {
      en: 'Voting rights are 无 (none): give the reason for the suspension.',
      zh: '表决权为“无”，须填写暂停原因。',
    });
  }
  if (votingRights && parsed.suspensionReason !== undefined) {
    add('suspensionReason', {
      en: 'A reason for suspension is given, but voting rights are 有 (yes).',
      zh: '填写了暂停原因，但表决权为“有”。',
    });
  }

  const unique = { idNumber: id?.normalized, code: parsed.code };
  const { name, ethnicity, position, delegation } = parsed;
  // Required values are absent only when their column is, which the header check reports.
  if (errors.length > 0 || !id || !joined || !name || !ethnicity || !position || !delegation) {
    return { row, errors, unique };
  }
  const draft: DelegateDraft = {
    name,
    gender: id.gender,
    ethnicity,
    birthDate: id.birthDate,
    joinedDate: joined.value,
    position,
    delegation,
    idNumber: id.normalized,
    votingRights,
    ...(parsed.suspensionReason !== undefined && { suspensionReason: parsed.suspensionReason }),
    ...(parsed.code !== undefined && { code: parsed.code }),
  };
  return { row, draft: delegateDraftSchema.parse(draft), errors, unique };
}

function ambiguousMonth(value: string): Bilingual {
  const [year] = value.split('-');
  return {
    en: `${year}.1 may mean January or October (Excel drops the 0 of ${year}.10); write ${year}.01 or ${year}.10.`,
    zh: `${year}.1 可能是1月也可能是10月（Excel 会把 ${year}.10 显示为 ${year}.1），请写成 ${year}.01 或 ${year}.10。`,
  };
}

/** Rows sharing a value that must be unique are all flagged, each naming the others. */
function flagDuplicates(outcomes: RowOutcome[], field: 'idNumber' | 'code'): void {
  const byKey = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    const k = o.unique[field];
    if (k === undefined) continue;
    const group = byKey.get(k);
    if (group) group.push(o);
    else byKey.set(k, [o]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const o of group) {
      const others = group.filter((g) => g !== o).map((g) => g.row);
      o.errors.push({
        row: o.row,
        field,
        message: {
          en: `The same ${FIELD_LABELS[field].en} appears in row ${others.join(', ')}.`,
          zh: `与第${others.join('、')}行的${FIELD_LABELS[field].zh}重复。`,
        },
      });
      o.draft = undefined;
    }
  }
}
