/**
 * "08:31": the time of day a desk shows, in China Standard Time (UTC+8, no daylight saving).
 * Stored times are UTC; a check-in at 00:31Z was at 08:31 in the hall.
 */
export function hallTime(isoUtc: string, utcOffsetMinutes = 480): string {
  const shifted = new Date(Date.parse(isoUtc) + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
