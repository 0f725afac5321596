/** Wall-clock helpers in Asia/Shanghai (UTC+8, no DST), the time zone every user of the app works in. */
const OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an instant in Shanghai. */
export function shanghaiDate(at: Date | string | number): string {
  const t = new Date(typeof at === 'string' ? Date.parse(at) : at).getTime() + OFFSET_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` of an ISO time in Shanghai. */
export function shanghaiDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return new Date(t + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A date picked in a form (`YYYY-MM-DD`) → ISO time at `hh:mm` Shanghai, as the API wants it. */
export function dateToIso(date: string, time = '09:00'): string {
  return `${date}T${time}:00+08:00`;
}

/** `YYYY-MM-DD` n days after `date` (negative = before). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Filter presets on 最近跟进 of the customer list. */
export const FOLLOW_UP_RANGES = ['any', 'within7', 'within30', 'over30', 'over90'] as const;
export type FollowUpRange = (typeof FOLLOW_UP_RANGES)[number];

/**
 * A preset → `{lastFollowUpFrom?, lastFollowUpTo?}` for `GET /api/customers`. "Over N days" means
 * the last follow-up is older than N days (customers never followed up have no date and are not
 * matched by a date filter).
 */
export function followUpRangeQuery(range: FollowUpRange, now: Date): { lastFollowUpFrom?: string; lastFollowUpTo?: string } {
  const today = shanghaiDate(now);
  const startOf = (n: number) => dateToIso(addDays(today, -n), '00:00');
  switch (range) {
    case 'within7':
      return { lastFollowUpFrom: startOf(7) };
    case 'within30':
      return { lastFollowUpFrom: startOf(30) };
    case 'over30':
      return { lastFollowUpTo: startOf(30) };
    case 'over90':
      return { lastFollowUpTo: startOf(90) };
    default:
      return {};
  }
}

/** "3 天前" style age of an ISO time in whole days (0 = today), Shanghai calendar days. */
export function daysAgo(iso: string, now: Date): number {
  const a = Date.parse(`${shanghaiDate(iso)}T00:00:00Z`);
  const b = Date.parse(`${shanghaiDate(now)}T00:00:00Z`);
  return Math.round((b - a) / 86400_000);
}
