import { HALL_OFFSET_MINUTES } from './format.ts';

// A sitting's start and end are typed as the hall's clock reads them (a datetime-local field,
// 2026-11-26T08:30), whatever the time zone of the computer, and stored as UTC instants.

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as the value of a datetime-local field in the hall's time; '' for none. */
export function hallInputValue(isoUtc: string | null | undefined): string {
  const ms = isoUtc ? Date.parse(isoUtc) : Number.NaN;
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + HALL_OFFSET_MINUTES * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The value of a datetime-local field, read in the hall's time, as a UTC instant; null for none or nonsense. */
export function isoFromHallInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [y, m, d, hh, mm] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59) return null;
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - HALL_OFFSET_MINUTES * 60_000).toISOString();
}
