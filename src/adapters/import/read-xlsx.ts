// An .xlsx read off the server's thread: checked first (xlsx-guard.ts: what it unpacks to, rows,
// columns, long cells, huge ranges), then read by exceljs in a worker thread with a memory limit
// and a time limit, at most two at a time. A workbook that gets past the checks and still costs
// too much ends its worker, not the server: two hostile uploads at once cannot exhaust its heap.

import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import {
  IMPORT_LIMITS,
  tooManyColumns,
  tooManyRows,
  workbookDamaged,
  workbookTooSlow,
} from './import-limits.ts';
import { checkWorkbook } from './xlsx-guard.ts';

export interface WorkbookCell {
  readonly value: ExcelJS.CellValue;
  readonly numFmt: string | undefined;
}

/** A row of the first worksheet: Excel's row number, and its cells (null: empty, or inside a merge). */
export interface WorkbookRow {
  readonly number: number;
  readonly cells: readonly (WorkbookCell | null)[];
}

type WorkerAnswer =
  | { readonly failure: 'rows' | 'columns' | 'damaged' }
  | {
      readonly rows: ReadonlyArray<{
        number: number;
        cells: ReadonlyArray<{ value: ExcelJS.CellValue; numFmt: string | null } | null>;
      }>;
    };

const WORKER = new URL('./xlsx-worker.mjs', import.meta.url);
/** Workers at once; a third upload waits for one of them. */
const PARALLEL = 2;
/** An idle worker is kept this long (exceljs takes half a second to load), then ended. */
const IDLE_MS = 30_000;

/** The first worksheet's rows, or an ImportFileError saying why the workbook cannot be read. */
export async function readWorkbookRows(buffer: Buffer): Promise<WorkbookRow[]> {
  await checkWorkbook(buffer);
  const worker = await pool.acquire();
  try {
    return await readIn(worker, buffer);
  } finally {
    pool.release(worker, !broken.has(worker));
  }
}

/** Workers that ran out of time or memory, or died: ended, never reused. */
const broken = new WeakSet<Worker>();

/** Up to PARALLEL workers, kept for a while when idle. */
const pool = new (class {
  private live = 0;
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
  private readonly waiting: (() => void)[] = [];

  async acquire(): Promise<Worker> {
    for (;;) {
      const spare = this.idle.pop();
      if (spare) {
        clearTimeout(spare.timer);
        spare.worker.ref();
        return spare.worker;
      }
      if (this.live < PARALLEL) {
        this.live += 1;
        return new Worker(WORKER, {
          workerData: { maxRows: IMPORT_LIMITS.rows, maxCols: IMPORT_LIMITS.columns },
          resourceLimits: {
            maxOldGenerationSizeMb: IMPORT_LIMITS.readHeapMegabytes,
            maxYoungGenerationSizeMb: 32,
          },
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  release(worker: Worker, healthy: boolean): void {
    if (healthy) {
      // Idle, it must not keep the process alive.
      worker.unref();
      const timer = setTimeout(() => {
        const index = this.idle.findIndex((entry) => entry.worker === worker);
        if (index >= 0) this.idle.splice(index, 1);
        this.end(worker);
      }, IDLE_MS);
      timer.unref();
      this.idle.push({ worker, timer });
    } else {
      this.end(worker);
    }
    this.waiting.shift()?.();
  }

  private end(worker: Worker): void {
    this.live -= 1;
    void worker.terminate();
  }
})();

function readIn(worker: Worker, buffer: Buffer): Promise<WorkbookRow[]> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null, rows?: WorkbookRow[]) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve(rows!);
    };
    const onMessage = (answer: WorkerAnswer) => {
      if ('failure' in answer) {
        const failures = { rows: tooManyRows, columns: tooManyColumns, damaged: workbookDamaged };
        settle(failures[answer.failure]());
        return;
      }
      settle(
        null,
        answer.rows.map((row) => ({
          number: row.number,
          cells: row.cells.map((cell) => cell && { value: cell.value, numFmt: cell.numFmt ?? undefined }),
        })),
      );
    };
    // Out of memory ends the worker with ERR_WORKER_OUT_OF_MEMORY; anything else it throws is the
    // file's doing too (exceljs fails on malformed parts in callbacks as well as in promises).
    const onError = (error: NodeJS.ErrnoException) => {
      broken.add(worker);
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? workbookTooSlow() : workbookDamaged());
    };
    const onExit = () => {
      broken.add(worker);
      settle(workbookDamaged());
    };
    const timer = setTimeout(() => {
      broken.add(worker);
      settle(workbookTooSlow());
    }, IMPORT_LIMITS.readMilliseconds);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(buffer);
  });
}
