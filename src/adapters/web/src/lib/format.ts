// Dates and times as the interface shows them. Stored dates are ISO (2026-11-26); stored times
// are UTC instants, shown in the hall's time (China Standard Time, UTC+8, no daylight saving).

import { monthEn } from '../../../../core/text/press-dates.ts';

export type Lang = 'zh' | 'en';

export const HALL_OFFSET_MINUTES = 480;

function parts(date: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y, m, d };
}

/** 2026-11-26 → 2026年11月26日 (zh) or 26 November 2026 (en); anything else is returned as is. */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const p = parts(date);
  if (!p) return date;
  return lang === 'zh' ? `${p.y}年${p.m}月${p.d}日` : `${p.d} ${monthEn(p.m)} ${p.y}`;
}

/** A congress's dates: 2026年11月26日至28日, 2026年11月30日至12月2日, or one day. */
export function formatDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  lang: Lang,
): string {
  const a = from ? parts(from) : null;
  const b = to ? parts(to) : null;
  if (!a) return formatDate(to, lang);
  if (!b || (a.y === b.y && a.m === b.m && a.d === b.d)) return formatDate(from, lang);
  if (lang === 'zh') {
    if (a.y !== b.y) return `${formatDate(from, lang)}至${formatDate(to, lang)}`;
    if (a.m !== b.m) return `${a.y}年${a.m}月${a.d}日至${b.m}月${b.d}日`;
    return `${a.y}年${a.m}月${a.d}日至${b.d}日`;
  }
  if (a.y !== b.y) return `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
  if (a.m !== b.m) return `${a.d} ${monthEn(a.m)} – ${b.d} ${monthEn(b.m)} ${b.y}`;
  return `${a.d}–${b.d} ${monthEn(a.m)} ${a.y}`;
}

/** The hall's calendar date and clock of a UTC instant. */
function hallParts(isoUtc: string): { y: number; m: number; d: number; hh: string; mm: string } | null {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + HALL_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: pad(shifted.getUTCHours()),
    mm: pad(shifted.getUTCMinutes()),
  };
}

/** 08:31: the time of day in the hall. */
export function formatHallTime(isoUtc: string | null | undefined): string {
  const p = isoUtc ? hallParts(isoUtc) : null;
  return p ? `${p.hh}:${p.mm}` : '';
}

/** 2026年11月26日 08:31 / 26 November 2026, 08:31: a moment in the hall's time. */
export function formatHallDateTime(isoUtc: string | null | undefined, lang: Lang): string {
  const p = isoUtc ? hallParts(isoUtc) : null;
  if (!p) return '';
  const day = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  return lang === 'zh'
    ? `${formatDate(day, lang)} ${p.hh}:${p.mm}`
    : `${formatDate(day, lang)}, ${p.hh}:${p.mm}`;
}

/** Today in the hall, as ISO (for "today" on the big screen). */
export function hallToday(now: Date): string {
  const p = hallParts(now.toISOString())!;
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The letters an avatar shows when there is no photo: the name's last two characters (小强), or Latin initials. */
export function avatarText(name: string): string {
  const clean = name.replace(/[（(].*$/, '').trim();
  if (/^[A-Za-z]/.test(clean)) {
    return clean
      .split(/\s+/)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 2);
  }
  const chars = [...clean.replace(/[·\s]/g, '')];
  return chars.length <= 2 ? chars.join('') : chars.slice(-2).join('');
}

/** A list as each language writes one: 1、2、3 in Chinese, 1, 2, 3 in English. */
export function joinList(items: readonly (string | number)[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** A form's optional text as the API takes it: trimmed, or null when left empty. */
export function orNull(value: string | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}
