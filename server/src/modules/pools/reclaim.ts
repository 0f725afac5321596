import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { poolReclaimReminders, users } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { runExclusive, startPeriodicJob } from '../../lib/jobs';
import { toIso } from '../../lib/time';
import { enqueueMessage } from '../../wecom/outbox';
import type { Worker } from '../types';

const LOCK_NAME = 'scrm_pool_reclaim';
const INTERVAL_MS = 10 * 60_000;

/**
 * The rule row that applies to a record: its grade's row (`rg`), else the pool's '' row (`rd`).
 * Two LEFT JOINs on the (pool, grade) unique key, so the statement is one pass over the records
 * with two index lookups per row (an OR in the join made it re-scan each pool once per rule).
 * `t` is the record alias (customers or leads); `R(col)` reads a column of the applying rule.
 */
const ruleJoin = (t: string) =>
  `LEFT JOIN pool_rules rg ON rg.pool_id = ${t}.pool_id AND rg.grade = COALESCE(${t}.grade, '')
   LEFT JOIN pool_rules rd ON rd.pool_id = ${t}.pool_id AND rd.grade = ''`;
const R = (col: string) => `IF(rg.id IS NULL, rd.${col}, rg.${col})`;

interface Target {
  type: 'customer' | 'lead';
  table: string;
  /** Extra exemptions (locked, won) and the "no deal" clock, per table. */
  exempt: string;
  noDeal: string;
}
const TARGETS: Target[] = [
  {
    type: 'customer',
    table: 'customers',
    exempt: `t.locked = 0 AND t.deal_status <> 'won'`,
    noDeal: `${R('reclaim_no_deal_days')} IS NOT NULL AND COALESCE(t.owned_at, t.created_at) <= DATE_SUB(@now, INTERVAL ${R('reclaim_no_deal_days')} DAY)`,
  },
  { type: 'lead', table: 'leads', exempt: `1 = 1`, noDeal: `FALSE` },
];

/** The start of the "no follow-up" clock: the later of the last follow-up and when the owner got it. */
const followClock = `GREATEST(COALESCE(t.last_follow_up_at, '1970-01-01'), COALESCE(t.owned_at, t.created_at))`;
const noFollow = `${R('reclaim_no_follow_up_days')} IS NOT NULL AND ${followClock} <= DATE_SUB(@now, INTERVAL ${R('reclaim_no_follow_up_days')} DAY)`;

/**
 * One pass of automatic reclaim and reminders, set-based: per record type, one scan puts every
 * record due for reclaim or a reminder into a temporary table; from it one INSERT…SELECT logs
 * each reclaim as a system `reclaim` (rule auto_no_follow_up / auto_no_deal), one UPDATE…JOIN
 * moves them to their pool, one INSERT IGNORE…SELECT records the reminders, and one message
 * per owner goes through the WeCom outbox.
 */
export async function runPoolReclaim(
  db: Db,
  now: Date,
  opts: { corpId?: number } = {},
): Promise<{ reclaimed: number; reminded: number }> {
  // The job covers every corp; a corp id narrows it (one tenant's admin action, tests).
  const corpFilter = opts.corpId === undefined ? '' : ` AND t.corp_id = ${Number(opts.corpId)}`;
  let reclaimed = 0;
  let reminded = 0;
  await db.execute(sql`SET @now = ${now}`);
  for (const tg of TARGETS) {
    const base = `FROM ${tg.table} t ${ruleJoin('t')}
      WHERE t.owner_id IS NOT NULL AND t.status = 'active' AND ${tg.exempt}${corpFilter}`;
    // One pass over the records: every one due for reclaim or for a reminder (disjoint: a reminder
    // needs both clocks still ahead) lands in a temporary table, and the writes read from there.
    const due = (days: string, clock: string) => `DATE_ADD(${clock}, INTERVAL ${days} DAY)`;
    const followDue = due(R('reclaim_no_follow_up_days'), followClock);
    const dealDue = tg.type === 'customer' ? due(R('reclaim_no_deal_days'), 'COALESCE(t.owned_at, t.created_at)') : 'NULL';
    const dueExpr = `LEAST(COALESCE(${followDue}, '9999-01-01'), COALESCE(${dealDue}, '9999-01-01'))`;
    const reclaimNow = `(${noFollow}) OR (${tg.noDeal})`;
    const remindNow = `${R('remind_days_before')} IS NOT NULL AND ${dueExpr} < '9999-01-01' AND ${dueExpr} > @now AND DATE_SUB(${dueExpr}, INTERVAL ${R('remind_days_before')} DAY) <= @now`;
    await db.execute(sql.raw('DROP TEMPORARY TABLE IF EXISTS pool_reclaim_due'));
    await db.execute(
      sql.raw(`CREATE TEMPORARY TABLE pool_reclaim_due (PRIMARY KEY (id)) AS
        SELECT t.id, t.corp_id, t.owner_id, t.pool_id, IF(${reclaimNow}, 1, 0) AS reclaim,
          CASE WHEN ${noFollow} THEN 'auto_no_follow_up' ELSE 'auto_no_deal' END AS reclaim_rule,
          ${dueExpr} AS reclaim_at, CASE WHEN ${dueExpr} = ${followDue} THEN 'auto_no_follow_up' ELSE 'auto_no_deal' END AS remind_rule
        ${base} AND ((${reclaimNow}) OR (${remindNow}))`),
    );
    const [ins] = (await db.execute(
      sql.raw(`INSERT INTO ownership_actions (corp_id, entity_type, entity_id, action, actor_id, from_user_id, from_pool_id, to_pool_id, rule, rule_respected, created_at)
        SELECT d.corp_id, '${tg.type}', d.id, 'reclaim', NULL, d.owner_id, d.pool_id, d.pool_id, d.reclaim_rule, 1, @now
        FROM pool_reclaim_due d WHERE d.reclaim = 1 ORDER BY d.id`),
    )) as unknown as [{ affectedRows: number }];
    if (ins.affectedRows > 0) {
      const [upd] = (await db.execute(
        sql.raw(`UPDATE pool_reclaim_due d STRAIGHT_JOIN ${tg.table} t ON t.id = d.id SET t.owner_id = NULL, t.owned_at = NULL WHERE d.reclaim = 1`),
      )) as unknown as [{ affectedRows: number }];
      reclaimed += upd.affectedRows;
    }
    // Reminders: due within remind_days_before days, one per (record, owner, due time).
    const [rem] = (await db.execute(
      sql.raw(`INSERT IGNORE INTO pool_reclaim_reminders (corp_id, entity_type, entity_id, owner_id, reclaim_at, rule, created_at)
        SELECT d.corp_id, '${tg.type}', d.id, d.owner_id, d.reclaim_at, d.remind_rule, @now FROM pool_reclaim_due d WHERE d.reclaim = 0 ORDER BY d.id`),
    )) as unknown as [{ affectedRows: number }];
    reminded += rem.affectedRows;
    await db.execute(sql.raw('DROP TEMPORARY TABLE pool_reclaim_due'));
  }
  if (reminded > 0) await sendReminders(db, now);
  return { reclaimed, reminded };
}

/** One WeCom message per owner for the reminders recorded in this pass. */
async function sendReminders(db: Db, now: Date): Promise<void> {
  const rows = await db
    .select({ r: poolReclaimReminders, wecomUserId: users.wecomUserId })
    .from(poolReclaimReminders)
    .innerJoin(users, eq(users.id, poolReclaimReminders.ownerId))
    .where(eq(poolReclaimReminders.createdAt, now));
  const byOwner = new Map<number, typeof rows>();
  for (const row of rows) byOwner.set(row.r.ownerId, [...(byOwner.get(row.r.ownerId) ?? []), row]);
  for (const [ownerId, list] of byOwner) {
    const first = list[0]!;
    const customers = list.filter((x) => x.r.entityType === 'customer').length;
    const leads = list.length - customers;
    const earliest = list.map((x) => x.r.reclaimAt).sort((a, b) => a.getTime() - b.getTime())[0]!;
    const what = [customers ? `${customers} 个客户` : '', leads ? `${leads} 条线索` : ''].filter(Boolean).join('、');
    await enqueueMessage(db, {
      corpId: first.r.corpId,
      toWecomUserIds: [first.wecomUserId],
      message: { msgtype: 'text', text: { content: `您有 ${what}即将被回收到公海（最早 ${toIso(earliest).slice(0, 16).replace('T', ' ')}），请尽快跟进。` } },
      dedupeKey: `pool-reminder:${ownerId}:${now.getTime()}`,
      source: { module: 'pools', ref: `reminder:${ownerId}` },
    });
  }
}

/**
 * Runs the job on one instance at a time: a MySQL named lock on a dedicated connection; other
 * instances skip the pass. Returns null when another instance holds the lock.
 */
export function runPoolReclaimExclusive(deps: AppDeps): Promise<{ reclaimed: number; reminded: number } | null> {
  return runExclusive(deps, LOCK_NAME, (db) => db.transaction((tx) => runPoolReclaim(tx, deps.now())));
}

/** Automatic reclaim: a pass shortly after start-up and then every interval, on one instance per interval. */
export function startPoolWorkers(deps: AppDeps): Worker[] {
  return [startPeriodicJob(deps, { name: LOCK_NAME, intervalMs: INTERVAL_MS, firstDelayMs: 5_000, run: (db) => db.transaction((tx) => runPoolReclaim(tx, deps.now())) })];
}
