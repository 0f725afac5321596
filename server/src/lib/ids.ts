/** ids leave the server as decimal strings. */
export const idStr = (id: number | bigint): string => String(id);
export const idStrOrNull = (id: number | bigint | null | undefined): string | null => (id == null ? null : String(id));

/** Parses a validated decimal id string; ids beyond 2^53 are treated as not found by callers. */
export function idNum(id: string): number {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : -1;
}

/** Opaque keyset cursor: base64url of a JSON tuple. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}
/** Decodes a cursor; anything malformed is a 400 in the caller. */
export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  return null;
}
