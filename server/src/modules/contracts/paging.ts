import { decodeCursor, encodeCursor } from '../../lib/ids';
import { errors } from '../../http/errors';

/** The id to continue after, from an opaque keyset cursor (400 when malformed). */
export function afterIdOf(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const v = decodeCursor(cursor);
  if (!v || typeof v[0] !== 'number') throw errors.badRequest('invalid_cursor', 'cursor 无效');
  return v[0];
}

/** `{items, nextCursor}` from a page fetched with limit + 1 rows, newest id first. */
export function pageOf<R extends { id: number }, T>(rows: R[], limit: number, present: (r: R) => T) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(present), nextCursor: more ? encodeCursor([page[page.length - 1]!.id]) : null };
}
