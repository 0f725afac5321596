/** Database ceiling and EXPLAIN: replays the SQL one request of a scenario ran, straight over mysql2. */
import { readFileSync } from 'node:fs';
import { format, type Pool } from 'mysql2/promise';

export interface Stmt {
  c: number;
  sql: string;
  values: unknown[];
}

export function readCapture(file: string, from: number, to: number): Stmt[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Stmt & { t: number })
    .filter((s) => s.t >= from && s.t <= to)
    .map(({ c, sql, values }) => ({ c, sql, values: values.map(revive) }));
}
const revive = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(revive) : typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? new Date(v) : v;

/** Runs `loop` concurrently for `seconds`; returns completed iterations per second. */
export async function replay(pool: Pool, stmts: Stmt[], samples: () => (string | number)[], captured: (string | number)[], concurrency: number, seconds: number): Promise<number> {
  if (!stmts.length) return 0;
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const ids = samples();
        const map = new Map<unknown, unknown>(captured.map((v, i) => [v, ids[i]]));
        const conn = await pool.getConnection();
        try {
          for (const s of stmts) {
            const values = s.values.map((v) => (map.has(v) ? map.get(v) : v));
            try {
              await conn.query(s.sql, values);
            } catch (err) {
              // A replayed write may hit a unique key or a lost claim: that is still a round trip done.
              if (!/Duplicate|foreign key|Deadlock/i.test(String(err))) {
                failures++;
                if (failures === 1) process.stderr.write(`db ceiling: ${String(err).slice(0, 200)}\n`);
              }
            }
          }
          done++;
        } finally {
          conn.release();
        }
      }
    }),
  );
  return failures > done / 2 ? 0 : done / seconds;
}

/** `EXPLAIN` of each distinct SELECT / UPDATE / DELETE a request ran: table → access (key, rows). */
export async function explain(pool: Pool, stmts: Stmt[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of stmts) {
    if (!/^\s*(select|update|delete|insert\s+into\s+\S+\s*\(?[^)]*\)?\s*select)/i.test(s.sql)) continue;
    if (seen.has(s.sql)) continue;
    seen.add(s.sql);
    try {
      const [rows] = (await pool.query(`EXPLAIN ${format(s.sql, s.values as never)}`)) as unknown as [{ table: string; type: string; key: string | null; rows: number; Extra: string | null }[]];
      const plan = rows.map((r) => `${r.table}: ${r.type}${r.key ? ` via ${r.key}` : ''} (~${r.rows} rows${r.Extra ? `; ${r.Extra}` : ''})`).join(' · ');
      out.push(`\`${short(s.sql)}\` → ${plan}`);
    } catch (err) {
      out.push(`\`${short(s.sql)}\` → (EXPLAIN failed: ${String(err).slice(0, 80)})`);
    }
  }
  return out;
}

const short = (sql: string) => {
  const one = sql.replace(/\s+/g, ' ').replace(/`/g, '').trim();
  let sel = one;
  if (/^select /i.test(one)) {
    let depth = 0;
    for (let i = 0; i < one.length; i++) {
      if (one[i] === '(') depth++;
      else if (one[i] === ')') depth--;
      else if (depth === 0 && one.slice(i, i + 6).toLowerCase() === ' from ') {
        sel = `SELECT … FROM ${one.slice(i + 6)}`;
        break;
      }
    }
  }
  return sel.length > 170 ? `${sel.slice(0, 167)}…` : sel;
};
