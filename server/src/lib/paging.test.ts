import { MySqlDialect } from 'drizzle-orm/mysql-core';
import { describe, expect, it } from 'vitest';
import { campaigns } from '../db/schema/index';
import { AppError } from '../http/errors';
import { decodeCursor, encodeCursor } from './ids';
import { afterIdOf, afterKeyOf, idAfter, keyCursor, keysetAfter, pageOf, splitPage } from './paging';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 - i, at: new Date(Date.UTC(2025, 0, 31 - i)) }));
const badRequest = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return 'no error';
};
const toSql = (s: ReturnType<typeof idAfter>) => new MySqlDialect().sqlToQuery(s!);

describe('keyset paging (lib/paging)', () => {
  it('a bad cursor is a 400 invalid_cursor, never a first page', () => {
    for (const bad of ['garbage', '!!', encodeCursor([]), encodeCursor(['x']), encodeCursor([1.5]), encodeCursor([-3]), encodeCursor([1, 2]), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(badRequest(() => afterIdOf(bad)), bad).toBe('400 invalid_cursor');
    }
    for (const bad of ['garbage', encodeCursor([5]), encodeCursor(['not a date', 5]), encodeCursor(['2025-01-01T00:00:00.000Z', 'x']), encodeCursor(['2025-01-01T00:00:00.000Z', 0])]) {
      expect(badRequest(() => afterKeyOf(bad, 'date')), bad).toBe('400 invalid_cursor');
    }
    expect(badRequest(() => afterKeyOf(encodeCursor([7, 5]), 'string'))).toBe('400 invalid_cursor');
    expect(badRequest(() => afterKeyOf(encodeCursor(['7', 5]), 'number'))).toBe('400 invalid_cursor');
  });

  it('no cursor is the first page; a good cursor round-trips', () => {
    expect(afterIdOf(undefined)).toBeUndefined();
    expect(afterIdOf('')).toBeUndefined();
    expect(afterKeyOf(undefined, 'date')).toBeUndefined();
    expect(afterIdOf(encodeCursor([42]))).toBe(42);
    const at = new Date('2025-03-04T05:06:07.089Z');
    expect(afterKeyOf(encodeCursor(keyCursor(at, 9)), 'date')).toEqual({ key: at, id: 9 });
    expect(afterKeyOf(encodeCursor([at.getTime(), 9]), 'date')).toEqual({ key: at, id: 9 });
    expect(afterKeyOf(encodeCursor(['张三', 9]), 'string')).toEqual({ key: '张三', id: 9 });
    expect(afterKeyOf(encodeCursor([0, 9]), 'number')).toEqual({ key: 0, id: 9 });
  });

  it('the last page has no nextCursor; exactly `limit` rows is the last page too', () => {
    expect(pageOf(rows(3), 5, (r) => r.id)).toEqual({ items: [100, 99, 98], nextCursor: null });
    expect(pageOf(rows(5), 5, (r) => r.id)).toEqual({ items: [100, 99, 98, 97, 96], nextCursor: null });
    expect(pageOf([], 5, (r: { id: number }) => r.id)).toEqual({ items: [], nextCursor: null });
  });

  it('limit + 1 rows give one page of `limit` and the cursor of its last row', () => {
    const p = pageOf(rows(6), 5, (r) => r.id);
    expect(p.items).toEqual([100, 99, 98, 97, 96]);
    expect(afterIdOf(p.nextCursor!)).toBe(96);
    const k = splitPage(rows(6), 5, (r) => keyCursor(r.at, r.id));
    expect(k.page).toHaveLength(5);
    expect(decodeCursor(k.nextCursor!)).toEqual([new Date(Date.UTC(2025, 0, 27)).toISOString(), 96]);
    expect(afterKeyOf(k.nextCursor!, 'date')).toEqual({ key: new Date(Date.UTC(2025, 0, 27)), id: 96 });
  });

  it('the WHERE continues strictly after the cursor row in the order of the list', () => {
    expect(idAfter(campaigns.id, undefined)).toBeUndefined();
    expect(keysetAfter(campaigns.updatedAt, campaigns.id, undefined)).toBeUndefined();
    expect(toSql(idAfter(campaigns.id, 7)).sql).toBe('`campaigns`.`id` < ?');
    expect(toSql(idAfter(campaigns.id, 7, 'asc')).sql).toBe('`campaigns`.`id` > ?');
    const at = new Date('2025-03-04T05:06:07.000Z');
    const desc = toSql(keysetAfter(campaigns.updatedAt, campaigns.id, { key: at, id: 7 }));
    expect(desc.sql).toBe('(`campaigns`.`updated_at` < ? or (`campaigns`.`updated_at` = ? and `campaigns`.`id` < ?))');
    expect(desc.params.at(-1)).toBe(7);
    const asc = toSql(keysetAfter(campaigns.updatedAt, campaigns.id, { key: at, id: 7 }, 'asc'));
    expect(asc.sql).toBe('(`campaigns`.`updated_at` > ? or (`campaigns`.`updated_at` = ? and `campaigns`.`id` > ?))');
  });
});
