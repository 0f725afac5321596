import { and, eq, gt, lt, or, type Column, type SQL } from 'drizzle-orm';
import { errors } from '../http/errors';
import { decodeCursor, encodeCursor } from './ids';

/**
 * Keyset ("seek") paging for every list route: `?limit=&cursor=` → `{items, nextCursor}`.
 *
 * A cursor is opaque to clients (base64url of a JSON tuple, `lib/ids`): `[id]` for lists ordered
 * by id alone, `[sortKey, id]` for lists ordered by a column and then id. Any cursor that does not
 * decode to the expected shape is `400 invalid_cursor`, never a silent first page or a 500.
 *
 * A list route reads in three steps:
 * 1. `afterIdOf(query.cursor)` or `afterKeyOf(query.cursor, 'date')` (400 when malformed);
 * 2. the repo adds `idAfter(t.id, afterId, dir)` or `keysetAfter(t.sortCol, t.id, after, dir)` to its
 *    WHERE, orders by (sort key, id) in the same direction, and fetches `limit + 1` rows;
 * 3. `pageOf(rows, limit, present[, cursorOf])` (or `splitPage` when presenting needs the whole page
 *    at once or is async) answers `{items, nextCursor}`.
 */

export type SortDir = 'asc' | 'desc';
/** The kind of the sort key in a `[sortKey, id]` cursor. */
export type KeyKind = 'date' | 'string' | 'number';
type KeyOf<K extends KeyKind> = K extends 'date' ? Date : K extends 'string' ? string : number;
/** Where the next page starts: after the row with this sort key and id. */
export interface KeysetAfter<V> {
  key: V;
  id: number;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type CursorValues = readonly (string | number)[];

/** The one answer to a cursor that is not ours (tampered, truncated, from another list). */
export const invalidCursor = () => errors.badRequest('invalid_cursor', 'cursor 无效，请从第一页重新加载');

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The id to continue after, from an `[id]` cursor; undefined for the first page; 400 when malformed. */
export function afterIdOf(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const v = decodeCursor(cursor);
  if (!v || v.length !== 1 || !isId(v[0])) throw invalidCursor();
  return v[0];
}

function keyOf(kind: KeyKind, v: string | number): Date | string | number | null {
  if (kind === 'string') return typeof v === 'string' ? v : null;
  if (kind === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : null;
  // Dates travel as ISO strings (`keyCursor`); epoch milliseconds are accepted too.
  const d = typeof v === 'string' && v !== '' ? new Date(v) : typeof v === 'number' ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** `{key, id}` to continue after, from a `[sortKey, id]` cursor; undefined for the first page; 400 when malformed. */
export function afterKeyOf<K extends KeyKind>(cursor: string | undefined, kind: K): KeysetAfter<KeyOf<K>> | undefined {
  if (!cursor) return undefined;
  const v = decodeCursor(cursor);
  if (!v || v.length !== 2 || !isId(v[1])) throw invalidCursor();
  const key = keyOf(kind, v[0]!);
  if (key === null) throw invalidCursor();
  return { key: key as KeyOf<K>, id: v[1] };
}

/** The cursor of a row for a `[sortKey, id]` list (dates as ISO strings). */
export const keyCursor = (key: Date | string | number, id: number): CursorValues => [key instanceof Date ? key.toISOString() : key, id];

/** WHERE for an id-ordered list: rows after `afterId` (`id < after` newest first, `id > after` oldest first). */
export function idAfter(idCol: Column, afterId: number | undefined, dir: SortDir = 'desc'): SQL | undefined {
  if (afterId === undefined) return undefined;
  return dir === 'desc' ? lt(idCol, afterId) : gt(idCol, afterId);
}

/**
 * WHERE for a (sort key, id) keyset: rows strictly after `after` in `ORDER BY sortCol dir, id dir`.
 * The sort column should be NOT NULL (a NULL key never compares, so such rows would be skipped).
 */
export function keysetAfter<V>(sortCol: Column, idCol: Column, after: KeysetAfter<V> | undefined, dir: SortDir = 'desc'): SQL | undefined {
  if (!after) return undefined;
  const cmp = dir === 'desc' ? lt : gt;
  return or(cmp(sortCol, after.key), and(eq(sortCol, after.key), cmp(idCol, after.id)));
}

/** Cuts `limit + 1` rows to one page; `nextCursor` is the last row's cursor when there is more. */
export function splitPage<R>(rows: R[], limit: number, cursorOf: (last: R) => CursorValues): { page: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { page, nextCursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

/** `[id]` cursor of a row. */
export const idCursor = (r: { id: number }): CursorValues => [r.id];

/** `{items, nextCursor}` from a page fetched with `limit + 1` rows; `[id]` cursors unless `cursorOf` is given. */
export function pageOf<R extends { id: number }, T>(rows: R[], limit: number, present: (r: R) => T): Page<T>;
export function pageOf<R, T>(rows: R[], limit: number, present: (r: R) => T, cursorOf: (last: R) => CursorValues): Page<T>;
export function pageOf<R, T>(rows: R[], limit: number, present: (r: R) => T, cursorOf?: (last: R) => CursorValues): Page<T> {
  const { page, nextCursor } = splitPage(rows, limit, cursorOf ?? (idCursor as unknown as (r: R) => CursorValues));
  return { items: page.map(present), nextCursor };
}
