/** Calendar days as the API wants them (`YYYY-MM-DD`, Asia/Shanghai). */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Today's date in Shanghai, whatever the device's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}

/** Last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DayRange {
  from: string;
  to: string;
}

/** The calendar month containing `day`, shifted by `offset` months. */
export function monthRange(day: string, offset = 0): DayRange {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

/** 1 January … 31 December of `day`'s year. */
export function yearRange(day: string): DayRange {
  const year = day.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** `2026-11-27T10:05:00+08:00` → `11-27 10:05` (Shanghai wall clock as sent by the server). */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
