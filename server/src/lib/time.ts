import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** Shanghai is UTC+8 all year (no DST). */
const SHANGHAI_OFFSET_MINUTES = 480;

/** ISO-8601 with the Asia/Shanghai offset, e.g. `2026-11-27T23:27:42.000+08:00`. */
export function toIso(d: Date): string;
export function toIso(d: Date | null | undefined): string | null;
export function toIso(d: Date | null | undefined): string | null {
  if (!d) return null;
  return dayjs(d).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/** Start of the Shanghai calendar day containing `d`, as a UTC Date. */
export function shanghaiDayStart(d: Date): Date {
  return dayjs(d).utcOffset(SHANGHAI_OFFSET_MINUTES).startOf('day').toDate();
}
export { dayjs };
