// Reads workbooks with exceljs in a worker thread (read-xlsx.ts starts it with a memory limit and
// gives each workbook a time limit), so that a workbook costing more than it should never stalls
// the server's own thread. Plain JavaScript: the worker has no TypeScript loader. For each
// workbook it is sent, it answers the first worksheet's rows as exceljs gives them, cell values
// and number formats; read-rows.ts turns them into text.

import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/** Parts of a sheet a delegate list does not need; data validations cost exceljs one entry per cell. */
const IGNORED = ['dataValidations', 'conditionalFormatting', 'extLst', 'cols', 'picture', 'drawing'];

const { maxRows, maxCols } = workerData;

async function read(bytes) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      maxRows,
      maxCols,
      ignoreNodes: IGNORED,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/^Max row count/.test(message)) return { failure: 'rows' };
    if (/^Max column count/.test(message)) return { failure: 'columns' };
    return { failure: 'damaged' };
  }
  const rows = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range keeps its value in the top-left cell; the others would repeat it.
      const hidden = cell.isMerged && cell.master.address !== cell.address;
      cells[column - 1] = hidden ? null : { value: cell.value ?? null, numFmt: cell.numFmt ?? null };
    });
    rows.push({ number, cells: Array.from(cells, (cell) => cell ?? null) });
  });
  return { rows };
}

parentPort.on('message', async (bytes) => {
  parentPort.postMessage(await read(bytes));
});
