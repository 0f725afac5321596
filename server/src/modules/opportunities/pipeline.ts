import { and, eq, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { forecastQuery, pipelineForecastOut, pipelineFunnelOut, pipelineKanbanOut, pipelineQuery } from '@scrm/shared';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { departments, opportunities, stageSets, userDepartments, users } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum, idStr } from '../../lib/ids';
import * as repo from './repo';
import { opportunityVisibleCondition } from './visibility';
import { presentStageSet, stageSetFor, stagesOf } from './stages';

const tags = ['pipeline'];
type PQ = z.infer<typeof pipelineQuery>;

/** Scope + filters; the department filter narrows to its subtree's members (never widens the scope). */
async function conditions(db: Db, scope: DataScope, q: PQ): Promise<(SQL | undefined)[]> {
  const conds: (SQL | undefined)[] = [eq(opportunities.corpId, scope.corpId), opportunityVisibleCondition(scope, q.scope)];
  if (q.ownerId) conds.push(eq(opportunities.ownerId, idNum(q.ownerId)));
  if (q.departmentId) {
    const [d] = await db.select({ path: departments.path }).from(departments).where(and(eq(departments.corpId, scope.corpId), eq(departments.id, idNum(q.departmentId))));
    if (!d) throw errors.notFound('部门');
    const members = await db
      .selectDistinct({ id: userDepartments.userId })
      .from(userDepartments)
      .innerJoin(departments, eq(departments.id, userDepartments.departmentId))
      .where(and(eq(departments.corpId, scope.corpId), like(departments.path, `${d.path}%`)));
    conds.push(members.length ? inArray(opportunities.ownerId, members.map((m) => m.id)) : sql`FALSE`);
  }
  if (q.from) conds.push(gte(opportunities.expectedCloseDate, q.from));
  if (q.to) conds.push(lte(opportunities.expectedCloseDate, q.to));
  return conds;
}

async function setOf(db: Db, corpId: number, stageSetId?: string) {
  if (!stageSetId) return stageSetFor(db, corpId, null);
  const [s] = await db.select().from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.id, idNum(stageSetId))));
  if (!s) throw errors.notFound('阶段模板');
  return s;
}

const n = (v: unknown) => Number(v ?? 0);

const funnel = defineRoute({
  method: 'get', path: '/api/pipeline/funnel', summary: 'Funnel by stage of a stage set: count, amount, weighted amount (one GROUP BY, data scope applied)', tags,
  query: pipelineQuery,
  response: pipelineFunnelOut,
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const set = await setOf(db, s.corpId, query.stageSetId);
    const conds = await conditions(db, s, query);
    const rows = await db
      .select({
        stageId: opportunities.stageId,
        count: sql<number>`COUNT(*)`,
        amount: sql<string>`COALESCE(SUM(${opportunities.amount}), 0)`,
        weighted: sql<string>`COALESCE(SUM(${opportunities.amount} * ${opportunities.winRate}), 0)`,
      })
      .from(opportunities)
      .where(and(...conds, eq(opportunities.stageSetId, set.id)))
      .groupBy(opportunities.stageId);
    const by = new Map(rows.map((r) => [r.stageId, r]));
    const stageList = await stagesOf(db, set.id);
    return {
      stageSet: presentStageSet(set, stageList),
      stages: stageList.map((st) => {
        const r = by.get(st.id);
        return { stageId: idStr(st.id), name: st.name, kind: st.kind, winRate: st.winRate, count: n(r?.count), amount: n(r?.amount), weightedAmount: Math.round(n(r?.weighted) / 100) };
      }),
    };
  },
});

const kanban = defineRoute({
  method: 'get', path: '/api/pipeline/kanban', summary: 'Kanban columns by stage with totals and the first cards (largest amounts) of each', tags,
  query: pipelineQuery.extend({ perStage: z.coerce.number().int().min(1).max(50).default(20) }),
  response: pipelineKanbanOut,
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const set = await setOf(db, s.corpId, query.stageSetId);
    const conds = await conditions(db, s, query);
    const stageList = await stagesOf(db, set.id);
    const columns = [];
    for (const st of stageList) {
      const where = and(...conds, eq(opportunities.stageId, st.id));
      const [tot] = await db.select({ count: sql<number>`COUNT(*)`, amount: sql<string>`COALESCE(SUM(${opportunities.amount}),0)` }).from(opportunities).where(where);
      const cards = await repo.withNames(db, where).orderBy(sql`${opportunities.amount} DESC`, sql`${opportunities.id} DESC`).limit(query.perStage);
      columns.push({
        stage: { id: idStr(st.id), name: st.name, winRate: st.winRate, kind: st.kind },
        count: n(tot?.count),
        amount: n(tot?.amount),
        cards: cards.map((c) => ({ id: idStr(c.o.id), name: c.o.name, customerName: c.customerName, ownerName: c.ownerName, amount: c.o.amount, expectedCloseDate: c.o.expectedCloseDate })),
      });
    }
    return { stageSetId: idStr(set.id), columns };
  },
});

const forecast = defineRoute({
  method: 'get', path: '/api/pipeline/forecast', summary: 'Forecast by month / owner / department: open amount, weighted (amount × win rate), won amount (one GROUP BY)', tags,
  query: forecastQuery,
  response: pipelineForecastOut,
  handler: async ({ db, query, scope }) => {
    const s = await scope();
    const conds = await conditions(db, s, query);
    // Grouped by (status, owner) or (status, close date) — the order of an index, so MariaDB
    // aggregates while scanning it (no temporary table); months and open/won are folded here.
    const byDate = query.groupBy === 'month';
    const g = byDate ? opportunities.expectedCloseDate : opportunities.ownerId;
    const grouped = await db
      .select({
        g,
        status: opportunities.status,
        count: sql<number>`COUNT(*)`,
        amount: sql<string>`COALESCE(SUM(${opportunities.amount}), 0)`,
        weighted: sql<string>`COALESCE(SUM(${opportunities.amount} * ${opportunities.winRate}), 0)`,
      })
      // (status, owner) is the order of the pipeline index; left alone the optimizer picks the
      // narrower date index and aggregates through a temporary table.
      .from(opportunities, { useIndex: byDate ? 'opportunities_forecast_date_idx' : 'opportunities_pipeline_idx' })
      .where(and(...conds, inArray(opportunities.status, ['open', 'won'])))
      .groupBy(opportunities.status, g);
    const folded = new Map<string | null, { key: string | null; openCount: number; openAmount: number; weighted: number; wonCount: number; wonAmount: number }>();
    for (const r of grouped) {
      const k = r.g == null ? null : byDate ? String(r.g).slice(0, 7) : String(r.g);
      const f = folded.get(k) ?? { key: k, openCount: 0, openAmount: 0, weighted: 0, wonCount: 0, wonAmount: 0 };
      if (r.status === 'open') {
        f.openCount += n(r.count);
        f.openAmount += n(r.amount);
        f.weighted += n(r.weighted);
      } else {
        f.wonCount += n(r.count);
        f.wonAmount += n(r.amount);
      }
      folded.set(k, f);
    }
    const rows = [...folded.values()];
    type Bucket = { key: string; label: string; openCount: number; openAmount: number; weightedAmount: number; wonCount: number; wonAmount: number };
    const buckets = new Map<string, Bucket & { w: number }>();
    let labels = new Map<string, string>();
    let fold = (k: string) => k;
    if (query.groupBy !== 'month') {
      const ownerIds = rows.map((r) => Number(r.key));
      const us = ownerIds.length
        ? await db.select({ id: users.id, name: users.name, dept: users.mainDepartmentId, deptName: departments.name }).from(users).leftJoin(departments, eq(departments.id, users.mainDepartmentId)).where(inArray(users.id, ownerIds))
        : [];
      if (query.groupBy === 'owner') labels = new Map(us.map((u) => [String(u.id), u.name]));
      else {
        const deptOf = new Map(us.map((u) => [String(u.id), String(u.dept ?? 0)]));
        labels = new Map(us.map((u) => [String(u.dept ?? 0), u.deptName ?? '未分配部门']));
        fold = (k) => deptOf.get(k) ?? '0';
      }
    }
    for (const r of rows) {
      const k = r.key == null ? 'none' : fold(String(r.key));
      const b = buckets.get(k) ?? { key: k, label: k === 'none' ? '未填预计成交日期' : (labels.get(k) ?? k), openCount: 0, openAmount: 0, weightedAmount: 0, wonCount: 0, wonAmount: 0, w: 0 };
      b.openCount += r.openCount;
      b.openAmount += r.openAmount;
      b.w += r.weighted;
      b.wonCount += r.wonCount;
      b.wonAmount += r.wonAmount;
      buckets.set(k, b);
    }
    const items = [...buckets.values()].map(({ w, ...b }) => ({ ...b, weightedAmount: Math.round(w / 100) })).sort((a, b) => (a.key < b.key ? -1 : 1));
    return { groupBy: query.groupBy, items };
  },
});

export const pipelineRoutes = [funnel, kanban, forecast] as RouteSpec[];
