// Dates as secretaries type them into delegate lists: 1975-03-12, 1975/3/12, 1975.03.12,
// 1975年3月12日, 19750312, month-only 1975.03 / 1975年3月 / 197503, and Excel serial numbers left
// behind when a date column lost its format. Month-only dates stay month-only ('YYYY-MM').

import type { Bilingual } from './bilingual.ts';
import { type CalendarDate, compareDates, isValidDate } from './calendar.ts';

export type SheetDate =
  | {
      ok: true;
      /** 'YYYY-MM-DD', or 'YYYY-MM' when only a month was given. */
      value: string;
      /**
       * Set for 1975.1: Excel shows 1975.10 typed into a number cell as 1975.1, so it may be
       * October as well as January. The caller resolves it (from the ID number) or rejects it.
       */
      ambiguousWith?: string;
    }
  | { ok: false; reason: Bilingual };

const EARLIEST_YEAR = 1900;
// Serials 10000–99999 are 1927-05-18 to 2173-10-14: five digits cannot be mistaken for a year.
const EXCEL_SERIAL = /^\d{5}$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 0 in the 1900 system, after its leap-day bug

const pad2 = (n: number): string => String(n).padStart(2, '0');

function invalid(input: string): SheetDate {
  return {
    ok: false,
    reason: {
      en: `"${input}" is not a date; write it as 1975-03-12, 1975.03 or 1975年3月.`,
      zh: `“${input}”不是有效日期，请写成1975-03-12、1975.03或1975年3月。`,
    },
  };
}

function monthDate(input: string, year: number, month: number): SheetDate {
  if (year < EARLIEST_YEAR || month < 1 || month > 12) return invalid(input);
  return { ok: true, value: `${year}-${pad2(month)}` };
}

function fullDate(input: string, year: number, month: number, day: number): SheetDate {
  if (year < EARLIEST_YEAR || !isValidDate(year, month, day)) return invalid(input);
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

export function parseSheetDate(raw: string): SheetDate {
  // A time of day after the date (1975-03-12 00:00:00) says nothing more about the date.
  const input = raw.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(input);
  if (m) return fullDate(raw, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(input);
  if (m) return fullDate(raw, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*月?$/.exec(input);
  if (m) {
    const result = monthDate(raw, Number(m[1]), Number(m[3]));
    if (result.ok && m[2] === '.' && m[3] === '1') return { ...result, ambiguousWith: `${m[1]}-10` };
    return result;
  }
  m = /^(\d{4})(\d{2})$/.exec(input);
  if (m) return monthDate(raw, Number(m[1]), Number(m[2]));
  if (EXCEL_SERIAL.test(input)) {
    const d = new Date(EXCEL_EPOCH_MS + Number(input) * 86_400_000);
    return fullDate(raw, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (/^\d{4}\s*年?$/.test(input)) {
    return {
      ok: false,
      reason: {
        en: `"${raw}" gives only a year; give at least the year and month (1975.03).`,
        zh: `“${raw}”只有年份，请至少填写到月（如1975.03）。`,
      },
    };
  }
  return invalid(raw);
}

/** Compares a sheet date ('YYYY-MM' or 'YYYY-MM-DD') with a day, at the sheet date's precision. */
export function compareSheetDate(value: string, day: CalendarDate): number {
  const [year, month, dayOfMonth] = value.split('-').map(Number) as [number, number, number | undefined];
  if (dayOfMonth === undefined) return year - day.year || month - day.month;
  return compareDates({ year, month, day: dayOfMonth }, day);
}
