/**
 * Builds the benchmark database: drizzle migrations, then every table streamed through
 * `LOAD DATA LOCAL INFILE` (no files on disk). Skipped when `bench_meta` records the same
 * scale, seed and generator version.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { createConnection, type Connection } from 'mysql2/promise';
import { normaliseCustomerName } from '../../../shared/src/customers';
import { openDatabase, poolOptions } from '../../../server/src/db/client';
import { runMigrations } from '../../../server/src/db/migrate';
import {
  ANCHOR,
  BENCH_AGENT_ID,
  BENCH_SESSION_SECRET,
  DAY,
  INDUSTRIES,
  STAGES,
  TITLES,
  companyName,
  pick,
  personName,
  planCorps,
  planCustomer,
  rand,
  sessionToken,
  type CorpPlan,
  type CustomerPlan,
  type Scale,
} from './plan';

export const GENERATOR_VERSION = '4';
type Val = string | number | boolean | Date | null;

const fmt = (v: Val): string => {
  if (v === null) return '\\N';
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
};

/** Streams rows as TSV into LOAD DATA LOCAL INFILE on `conn`. */
async function load(conn: Connection, table: string, cols: string[], rows: Iterable<Val[]>): Promise<number> {
  let n = 0;
  function* chunks() {
    let buf: string[] = [];
    for (const r of rows) {
      buf.push(r.map(fmt).join('\t'));
      n++;
      if (buf.length >= 5000) {
        yield Buffer.from(`${buf.join("\n")}\n`);
        buf = [];
      }
    }
    if (buf.length) yield Buffer.from(`${buf.join("\n")}\n`);
  }
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE 'stream' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${cols.join(',')})`,
    infileStreamFactory: () => Readable.from(chunks()),
  } as never);
  return n;
}

function* eachCustomer(seed: number, corps: CorpPlan[], from = 0, to = Infinity): Generator<[CorpPlan, CustomerPlan, number]> {
  let k = 0;
  for (const corp of corps)
    for (let i = 0; i < corp.customers; i++, k++) {
      if (k < from) continue;
      if (k >= to) return;
      yield [corp, planCustomer(seed, corp, i), i];
    }
}

/** Running id counters for contacts / external contacts / follow-ups / opportunities up to customer k. */
interface Counters {
  contact: number;
  ext: number;
  followUp: number;
  opp: number;
}

export interface GenerateResult {
  skipped: boolean;
  seconds: number;
  counts: Record<string, number>;
}

export async function ensureBenchData(url: string, scale: Scale, seed: number, log: (s: string) => void): Promise<GenerateResult> {
  const opts = poolOptions(url);
  const dbName = opts.database!;
  const admin = await createConnection({ ...opts, database: undefined });
  // The schema is part of the key: a new migration means new data (the load drops/rebuilds indexes).
  const journal = JSON.parse(readFileSync(fileURLToPath(new URL('../../../server/drizzle/meta/_journal.json', import.meta.url)), 'utf8')) as { entries: { tag: string }[] };
  const want = JSON.stringify({ scale: scale.name, seed, version: GENERATOR_VERSION, schema: journal.entries.at(-1)?.tag });
  try {
    const [rows] = (await admin.query(`SELECT v FROM \`${dbName}\`.bench_meta WHERE k = 'key'`).catch(() => [[]])) as unknown as [{ v: string }[]];
    if (rows[0]?.v === want) {
      const [c] = (await admin.query(`SELECT v FROM \`${dbName}\`.bench_meta WHERE k = 'counts'`)) as unknown as [{ v: string }[]];
      const [s] = (await admin.query(`SELECT v FROM \`${dbName}\`.bench_meta WHERE k = 'seconds'`)) as unknown as [{ v: string }[]];
      return { skipped: true, seconds: Number(s[0]?.v ?? 0), counts: JSON.parse(c[0]?.v ?? '{}') };
    }
    log(`generating ${dbName} (scale ${scale.name}, seed ${seed})…`);
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const t0 = performance.now();
  const h = openDatabase(url, { connectionLimit: 2 });
  await runMigrations(h.db);
  await h.close();
  const tMig = performance.now();

  const corps = planCorps(scale);
  const conns = await Promise.all([0, 1].map(() => createConnection({ ...opts, infileStreamFactory: () => Readable.from([]) } as never)));
  for (const c of conns) await c.query("SET time_zone = '+00:00', foreign_key_checks = 0, unique_checks = 0, sql_log_bin = 0").catch(() => c.query("SET time_zone = '+00:00', foreign_key_checks = 0, unique_checks = 0"));
  const counts: Record<string, number> = {};
  const conn = conns[0]!;
  const at = ANCHOR;
  const created = new Date(ANCHOR.getTime() - 1000 * DAY);

  counts.corps = await load(conn, 'corps', ['id', 'wecom_corp_id', 'name', 'agent_id', 'settings', 'created_at', 'updated_at'], corps.map((c) => [c.id, c.wecomCorpId, c.name, BENCH_AGENT_ID, '{}', created, created]));
  counts.departments = await load(conn, 'departments', ['id', 'corp_id', 'wecom_dept_id', 'parent_id', 'name', 'path', 'sort_order', 'created_at', 'updated_at'], corps.flatMap((c) => c.depts.map((d) => [d.id, c.id, d.wecomDeptId, d.parentId, d.name, d.path, 0, created, created])));
  counts.users = await load(conn, 'users', ['id', 'corp_id', 'wecom_user_id', 'name', 'mobile', 'status', 'role', 'main_department_id', 'created_at', 'updated_at'], corps.flatMap((c) => c.users.map((u) => [u.id, c.id, u.wecomUserId, u.name, `139${String(u.id).padStart(8, '0')}`, 'active', u.role, u.deptId, created, created])));
  await load(conn, 'user_departments', ['user_id', 'department_id', 'corp_id', 'is_leader'], corps.flatMap((c) => c.users.map((u) => [u.id, u.deptId, c.id, u.leader])));
  counts.sessions = await load(conn, 'sessions', ['id', 'corp_id', 'user_id', 'token_hash', 'kind', 'created_at', 'expires_at'], corps.flatMap((c) => c.users.map((u) => [u.id, c.id, u.id, createHmac('sha256', BENCH_SESSION_SECRET).update(sessionToken(seed, u.id)).digest('hex'), 'dev', at, new Date(at.getTime() + 3650 * DAY)])));
  await load(conn, 'pools', ['id', 'corp_id', 'entity_type', 'name', 'is_default', 'created_at', 'updated_at'], corps.flatMap((c) => [...c.pools.map((p, k) => [p.id, c.id, 'customer', k ? `区域公海${k}` : '公海', p.isDefault, created, created]), [c.leadPoolId, c.id, 'lead', '线索池', true, created, created]]));
  await load(conn, 'pool_departments', ['pool_id', 'department_id'], corps.flatMap((c) => c.pools.filter((p) => p.deptId).map((p) => [p.id, p.deptId!])));
  let ruleId = 0;
  await load(conn, 'pool_rules', ['id', 'corp_id', 'pool_id', 'grade', 'reclaim_no_follow_up_days', 'reclaim_no_deal_days', 'remind_days_before'], corps.flatMap((c) => c.pools.flatMap((p) => [[++ruleId, c.id, p.id, '', 30, 365, 3], [++ruleId, c.id, p.id, 'A', 60, 365, 5]])));
  await load(conn, 'stage_sets', ['id', 'corp_id', 'name', 'business_line', 'is_default', 'created_at', 'updated_at'], corps.map((c) => [c.stageSetId, c.id, '标准销售流程', '默认', true, created, created]));
  await load(conn, 'stages', ['id', 'corp_id', 'stage_set_id', 'stage_key', 'name', 'sort_order', 'win_rate', 'kind', 'requirements'], corps.flatMap((c) => STAGES.map((s, j) => [c.stageIds[j]!, c.id, c.stageSetId, s.key, s.name, j, s.winRate, s.kind, '{"fields":[],"checklist":[]}'])));

  const total = corps.reduce((a, c) => a + c.customers, 0);
  const CHUNK = 250_000;
  const starts: Counters[] = [];
  {
    const ctr: Counters = { contact: 0, ext: 0, followUp: 0, opp: 0 };
    for (const [, p, ] of eachCustomer(seed, corps)) {
      if ((p.id - 1) % CHUNK === 0) starts.push({ ...ctr });
      ctr.contact += p.nContacts;
      ctr.ext += p.ext ? 1 : 0;
      ctr.followUp += p.nFollowUps;
      ctr.opp += p.opp ? 1 : 0;
    }
  }
  const oppStatus = (stage: number) => (STAGES[stage]!.kind === 'won' ? 'won' : STAGES[stage]!.kind === 'lost' ? 'lost' : 'open');

  const customerRows = function* (from: number, to: number): Generator<Val[]> {
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      const name = companyName(p.id - corp.customerBase - 1);
      const r = (k: number) => rand(seed, p.id, 100 + k);
      const won = p.opp && oppStatus(p.opp.stage) === 'won';
      const open = p.opp && oppStatus(p.opp.stage) === 'open';
      yield [
        p.id, corp.id, name, normaliseCustomerName(name), (1 + Math.floor(r(1) * 500)) * 1_000_000, personName(r(2), r(3)), `${name.slice(0, 2)}市高新区${1 + Math.floor(r(4) * 300)}号`,
        pick(INDUSTRIES, r(5)), p.grade, pick(['官网咨询', '老客户推荐', '展会', '电话营销', '企业微信'], r(6)), '[]',
        p.owner?.id ?? null, p.poolId, p.ownedAt, r(7) < 0.01, won ? 'won' : 'none', p.nFollowUps, p.lastFollowUpAt, new Date(p.lastFollowUpAt.getTime() + 7 * DAY),
        open ? 1 : 0, won ? p.opp!.amount : 0, won ? p.opp!.createdAt : null, p.owner?.id ?? null, p.createdAt, p.lastFollowUpAt,
      ];
    }
  };
  const contactRows = function* (from: number, to: number, ctr: Counters): Generator<Val[]> {
    let id = ctr.contact;
    let ext = ctr.ext;
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      for (let j = 0; j < p.nContacts; j++) {
        const r = (k: number) => rand(seed, p.id, 200 + j * 10 + k);
        id++;
        yield [id, corp.id, p.id, personName(r(1), r(2)), `1${3 + Math.floor(r(3) * 6)}${String(id).padStart(9, '0')}`, pick(TITLES, r(4)), j === 0, j === 0 && p.ext ? ext + 1 : null, p.owner?.id ?? null, p.createdAt, p.createdAt];
      }
      if (p.ext) ext++;
    }
  };
  const extRows = function* (from: number, to: number, ctr: Counters): Generator<Val[]> {
    let ext = ctr.ext;
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      if (!p.ext) continue;
      ext++;
      yield [ext, corp.id, `wmb${seed}x${ext}`, personName(rand(seed, p.id, 201), rand(seed, p.id, 202)), 1, companyName(p.id - corp.customerBase - 1), p.createdAt, p.createdAt];
    }
  };
  const followRows = function* (from: number, to: number, ctr: Counters): Generator<Val[]> {
    let ext = ctr.ext;
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      if (!p.ext) continue;
      ext++;
      yield [ext, corp.id, ext, p.owner!.wecomUserId, p.owner!.id, 1, p.ownedAt, 'active', p.createdAt, p.createdAt];
    }
  };
  const followUpRows = function* (from: number, to: number, ctr: Counters): Generator<Val[]> {
    let id = ctr.followUp;
    let contact = ctr.contact;
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      let at = p.lastFollowUpAt.getTime();
      for (let j = 0; j < p.nFollowUps; j++) {
        const r = (k: number) => rand(seed, p.id, 400 + j * 10 + k);
        const author = p.owner ?? corp.reps[Math.floor(r(1) * corp.reps.length)]!;
        const next = j === 0 ? new Date(at + 7 * DAY) : null;
        const occurred = new Date(at);
        yield [++id, corp.id, pick(['phone', 'wechat', 'visit', 'meeting', 'email'], r(2)), `第 ${p.nFollowUps - j} 次沟通：${pick(['介绍产品方案', '确认采购需求', '讨论报价', '安排上门拜访', '回访使用情况'], r(3))}`, '[]', p.id, contact + 1, j === 0 ? '安排下一次沟通' : null, next, next && next < ANCHOR ? next : null, occurred, author.id, occurred, occurred];
        at -= (2 + Math.floor(r(4) * 20)) * DAY;
      }
      contact += p.nContacts;
    }
  };
  const oppRows = function* (from: number, to: number, ctr: Counters): Generator<Val[]> {
    let id = ctr.opp;
    for (const [corp, p] of eachCustomer(seed, corps, from, to)) {
      if (!p.opp) continue;
      const o = p.opp;
      const st = STAGES[o.stage]!;
      const status = oppStatus(o.stage);
      yield [++id, corp.id, p.id, p.owner!.id, `${companyName(p.id - corp.customerBase - 1).slice(0, 6)} CRM 项目`, corp.stageSetId, corp.stageIds[o.stage]!, status, st.winRate, o.amount, o.closeDate, '默认', '{}', status === 'lost' ? '价格因素' : null, o.createdAt, status === 'open' ? null : new Date(o.createdAt.getTime() + 30 * DAY), p.owner!.id, o.createdAt, o.createdAt];
    }
  };

  const big: [string, string[], (from: number, to: number, c: Counters) => Iterable<Val[]>][] = [
    ['customers', ['id', 'corp_id', 'name', 'name_key', 'registered_capital', 'legal_representative', 'address', 'industry', 'grade', 'source', 'tags', 'owner_id', 'pool_id', 'owned_at', 'locked', 'deal_status', 'follow_up_count', 'last_follow_up_at', 'next_follow_up_at', 'open_opportunity_count', 'won_amount', 'last_won_at', 'created_by', 'created_at', 'updated_at'], customerRows],
    ['external_contacts', ['id', 'corp_id', 'external_userid', 'name', 'type', 'corp_name', 'created_at', 'updated_at'], extRows],
    ['external_contact_follows', ['id', 'corp_id', 'external_contact_id', 'wecom_user_id', 'user_id', 'add_way', 'followed_at', 'status', 'created_at', 'updated_at'], followRows],
    ['contacts', ['id', 'corp_id', 'customer_id', 'name', 'mobile', 'title', 'is_key_decision_maker', 'external_contact_id', 'created_by', 'created_at', 'updated_at'], contactRows],
    ['opportunities', ['id', 'corp_id', 'customer_id', 'owner_id', 'name', 'stage_set_id', 'stage_id', 'status', 'win_rate', 'amount', 'expected_close_date', 'business_line', 'checklist', 'lost_reason', 'stage_entered_at', 'closed_at', 'created_by', 'created_at', 'updated_at'], oppRows],
    ['follow_ups', ['id', 'corp_id', 'type', 'content', 'images', 'customer_id', 'contact_id', 'next_step', 'next_follow_up_at', 'reminded_at', 'occurred_at', 'author_id', 'created_at', 'updated_at'], followUpRows],
  ];
  // Secondary indexes are dropped for the load and rebuilt afterwards (a sorted bulk build instead
  // of millions of random B-tree inserts through a small buffer pool).
  const indexDefs = new Map<string, string[]>();
  for (const [table] of big) {
    const [[row]] = (await conn.query(`SHOW CREATE TABLE ${table}`)) as unknown as [[Record<string, string>]];
    const defs = row!['Create Table']!.split('\n').map((l) => l.trim().replace(/,$/, '')).filter((l) => /^(UNIQUE )?KEY `/.test(l));
    indexDefs.set(table, defs);
    if (defs.length) await conn.query(`ALTER TABLE ${table} ${defs.map((d) => `DROP INDEX \`${/`([^`]+)`/.exec(d)![1]}\``).join(', ')}`);
  }
  // Two loaders in parallel (one per core): tables are split between them, biggest first.
  const queues: (typeof big)[] = [[big[5]!, big[1]!, big[2]!], [big[0]!, big[3]!, big[4]!]];
  await Promise.all(
    queues.map(async (q, qi) => {
      for (const [table, cols, gen] of q) {
        const t = performance.now();
        let n = 0;
        for (let k = 0; k * CHUNK < total; k++) n += await load(conns[qi]!, table, cols, gen(k * CHUNK, (k + 1) * CHUNK, starts[k]!));
        counts[table] = n;
        const tl = performance.now();
        const defs = indexDefs.get(table) ?? [];
        if (defs.length) await conns[qi]!.query(`ALTER TABLE ${table} ${defs.map((d) => `ADD ${d}`).join(', ')}`);
        log(`  ${table}: ${n.toLocaleString('en')} rows loaded in ${((tl - t) / 1000).toFixed(1)} s, ${defs.length} indexes built in ${((performance.now() - tl) / 1000).toFixed(1)} s`);
      }
    }),
  );
  await conn.query('ANALYZE TABLE customers, contacts, follow_ups, opportunities, external_contacts, users, departments, sessions').catch(() => undefined);
  const seconds = (performance.now() - t0) / 1000;
  await conn.query('CREATE TABLE bench_meta (k VARCHAR(32) PRIMARY KEY, v TEXT NOT NULL)');
  await conn.query('INSERT INTO bench_meta VALUES (?, ?), (?, ?), (?, ?)', ['key', want, 'counts', JSON.stringify(counts), 'seconds', seconds.toFixed(1)]);
  for (const c of conns) await c.end();
  log(`generated in ${seconds.toFixed(1)} s (migrations ${((tMig - t0) / 1000).toFixed(1)} s)`);
  return { skipped: false, seconds, counts };
}
