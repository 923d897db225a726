// Spreadsheet formula injection (CSV injection): a cell that begins with = + - or @ is run as a
// formula when a spreadsheet program opens the file (=HYPERLINK(…) sends the reader elsewhere,
// +cmd|… starts a program), and a leading tab or carriage return may be dropped before that
// check. OWASP's guidance: put an apostrophe before such a cell. The importer takes it off again,
// so an exported list imports as it was.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a CSV export writes it: an apostrophe before anything a spreadsheet would run. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The value of a cell an export neutralised (neutraliseFormula undone); other cells unchanged. */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
