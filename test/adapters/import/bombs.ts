import { crc32, deflateRawSync } from 'node:zlib';

// Hostile spreadsheets for the upload tests (issue 13, item 6): workbooks that are small on the
// wire and enormous once unpacked, built by hand so that each stays small in the test's memory
// too. zip() writes a plain ZIP (deflate, no ZIP64); the XML is the least Excel and exceljs read.

export interface ZipEntry {
  readonly name: string;
  /** The bytes, or a function writing them in pieces (a bomb never exists unpacked in one buffer). */
  readonly content: Buffer | string;
  /** Store instead of deflate. */
  readonly stored?: boolean;
  /** The unpacked size the archive declares, when it lies (a bomb's directory may say anything). */
  readonly declaredSize?: number;
}

/** A ZIP archive of the entries, as Excel writes one (local headers, central directory, end record). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
    const data = entry.stored ? raw : deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.stored ? 0 : 8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(entry.declaredSize ?? raw.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="代表名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A workbook of one sheet: `sheetData` is the XML inside <sheetData>, `after` what follows it. */
export function workbook(
  sheetData: string | Buffer,
  options: { strings?: string; after?: string; declaredSize?: number } = {},
): Buffer {
  const sheet =
    typeof sheetData === 'string'
      ? `${SHEET_START}<sheetData>${sheetData}</sheetData>${options.after ?? ''}</worksheet>`
      : Buffer.concat([
          Buffer.from(`${SHEET_START}<sheetData>`),
          sheetData,
          Buffer.from(`</sheetData>${options.after ?? ''}</worksheet>`),
        ]);
  const strings = options.strings ?? '<si><t>姓名</t></si><si><t>代表团</t></si>';
  const count = (strings.match(/<si>/g) ?? []).length;
  return zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: RELS },
    { name: 'xl/workbook.xml', content: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', content: WORKBOOK_RELS },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: sheet,
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    },
    {
      name: 'xl/sharedStrings.xml',
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${strings}</sst>`,
    },
  ]);
}

const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';

/**
 * `rows` rows of one cell, the shape of the 618 KB file with 5,000,000 rows; `declaredSize` makes
 * the archive claim the sheet is that small.
 */
export function manyRows(rows: number, declaredSize?: number): Buffer {
  const parts: Buffer[] = [Buffer.from(HEADER_ROW)];
  const chunk = 10_000;
  for (let start = 2; start <= rows; start += chunk) {
    let text = '';
    for (let r = start; r < Math.min(start + chunk, rows + 1); r++)
      text += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>王宁</t></is></c></row>`;
    parts.push(Buffer.from(text));
  }
  return workbook(Buffer.concat(parts), declaredSize === undefined ? {} : { declaredSize });
}

/** One shared string of `length` characters: the 123 KB file with a 100 MB cell. */
export function longCell(length: number): Buffer {
  return workbook(`${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>2</v></c></row>`, {
    strings: `<si><t>姓名</t></si><si><t>代表团</t></si><si><t>${'王'.repeat(length)}</t></si>`,
  });
}

/** A merged range covering the whole sheet (exceljs makes an object for every cell in it). */
export function hugeMerge(): Buffer {
  return workbook(HEADER_ROW, {
    after: '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>',
  });
}

/** A list validation over whole columns (exceljs keeps one entry per cell of the range). */
export function wholeColumnValidation(): Buffer {
  return workbook(HEADER_ROW, {
    after:
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C1:C1048576 D1:XFD1048576"><formula1>"男,女"</formula1></dataValidation></dataValidations>',
  });
}

/** A cell in the last column Excel has, on an otherwise ordinary sheet. */
export function farColumn(): Buffer {
  return workbook(`${HEADER_ROW}<row r="2"><c r="XFD2" t="inlineStr"><is><t>王宁</t></is></c></row>`);
}

/** A sheet that unpacks to `bytes` (blanks between its rows); `declaredSize` as in manyRows. */
export function unpacksTo(bytes: number, declaredSize?: number): Buffer {
  return workbook(
    Buffer.concat([Buffer.from(HEADER_ROW), Buffer.alloc(bytes, 0x20)]),
    declaredSize === undefined ? {} : { declaredSize },
  );
}
