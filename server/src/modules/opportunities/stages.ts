import { and, asc, eq } from 'drizzle-orm';
import { STAGE_FIELD_LABELS, type StageRequiredField } from '@scrm/shared';
import type { Db } from '../../db/client';
import { stages, stageSets, type StageRequirements } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { idStr } from '../../lib/ids';

export type StageRow = typeof stages.$inferSelect;
export type StageSetRow = typeof stageSets.$inferSelect;
export interface StageSetInput {
  name: string;
  businessLine: string;
  isDefault: boolean;
  allowRollback: boolean;
  allowSkip: boolean;
  allowReopen: boolean;
  stages: { key: string; name: string; winRate: number; kind: 'open' | 'won' | 'lost'; requirements: StageRequirements; allowedMoves?: string[] | null }[];
}

/** The default set: 初步接洽 10% → 需求确认 30% → 方案报价 50% → 商务谈判 70% → 赢单 100% / 输单 0%. */
export const DEFAULT_STAGE_SET: StageSetInput = {
  name: '标准销售流程',
  businessLine: '默认',
  isDefault: true,
  allowRollback: true,
  allowSkip: false,
  allowReopen: false,
  stages: [
    { key: 'initial', name: '初步接洽', winRate: 10, kind: 'open', requirements: { fields: [], checklist: [] } },
    { key: 'needs', name: '需求确认', winRate: 30, kind: 'open', requirements: { fields: ['need', 'contacts'], checklist: [] } },
    {
      key: 'proposal',
      name: '方案报价',
      winRate: 50,
      kind: 'open',
      requirements: { fields: ['lines', 'decisionMaker', 'expectedCloseDate'], checklist: [{ key: 'solution_presented', label: '已向客户演示方案' }] },
    },
    { key: 'negotiation', name: '商务谈判', winRate: 70, kind: 'open', requirements: { fields: ['quote'], checklist: [] } },
    { key: 'won', name: '赢单', winRate: 100, kind: 'won', requirements: { fields: ['winningQuote'], checklist: [] } },
    { key: 'lost', name: '输单', winRate: 0, kind: 'lost', requirements: { fields: ['lostReason'], checklist: [] } },
  ],
};

export async function insertStageSet(db: Db, corpId: number, input: StageSetInput): Promise<number> {
  const keys = new Set(input.stages.map((s) => s.key));
  if (keys.size !== input.stages.length) throw errors.badRequest('duplicate_stage_key', '阶段标识不能重复');
  for (const s of input.stages) {
    for (const m of s.allowedMoves ?? []) if (!keys.has(m)) throw errors.badRequest('unknown_stage_key', `阶段「${s.name}」的可转阶段 ${m} 不存在`);
  }
  if (!input.stages.some((s) => s.kind === 'open')) throw errors.badRequest('no_open_stage', '至少需要一个进行中的阶段');
  const { stages: list, ...set } = input;
  const [ins] = await db.insert(stageSets).values({ ...set, corpId }).$returningId();
  await db.insert(stages).values(
    list.map((s, i) => ({ corpId, stageSetId: ins!.id, key: s.key, name: s.name, winRate: s.winRate, kind: s.kind, requirements: s.requirements, allowedMoves: s.allowedMoves ?? null, sortOrder: i })),
  );
  if (input.isDefault) {
    const others = await db.select({ id: stageSets.id }).from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.isDefault, true)));
    for (const o of others) if (o.id !== ins!.id) await db.update(stageSets).set({ isDefault: false }).where(eq(stageSets.id, o.id));
  }
  return ins!.id;
}

/** The stage set for a business line (else the corp's default; created on first use). */
export async function stageSetFor(db: Db, corpId: number, businessLine: string | null | undefined): Promise<StageSetRow> {
  if (businessLine) {
    const [s] = await db.select().from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.businessLine, businessLine)));
    if (s) return s;
  }
  const [d] = await db.select().from(stageSets).where(and(eq(stageSets.corpId, corpId), eq(stageSets.isDefault, true))).limit(1);
  if (d) return d;
  const id = await insertStageSet(db, corpId, DEFAULT_STAGE_SET);
  return (await db.select().from(stageSets).where(eq(stageSets.id, id)))[0]!;
}

export const stagesOf = (db: Db, stageSetId: number) => db.select().from(stages).where(eq(stages.stageSetId, stageSetId)).orderBy(asc(stages.sortOrder));

export const presentStage = (s: StageRow) => ({
  id: idStr(s.id),
  key: s.key,
  name: s.name,
  winRate: s.winRate,
  kind: s.kind,
  sortOrder: s.sortOrder,
  requirements: s.requirements,
  allowedMoves: s.allowedMoves ?? null,
});
export const presentStageSet = (set: StageSetRow, list: StageRow[]) => ({
  id: idStr(set.id),
  name: set.name,
  businessLine: set.businessLine,
  isDefault: set.isDefault,
  allowRollback: set.allowRollback,
  allowSkip: set.allowSkip,
  allowReopen: set.allowReopen,
  stages: list.map(presentStage),
});

/**
 * Whether `from → to` is allowed. Explicit `allowedMoves` on the from-stage win; otherwise:
 * open → the next open stage (any later one with allowSkip), → an earlier open stage (rollback,
 * with allowRollback), → a won/lost stage; won/lost → an open stage only with allowReopen.
 */
export function assertMoveAllowed(set: StageSetRow, list: StageRow[], from: StageRow, to: StageRow): void {
  const refuse = (why: string) => {
    throw errors.conflict('stage_move_not_allowed', `不能从「${from.name}」转到「${to.name}」：${why}`, { from: idStr(from.id), to: idStr(to.id) });
  };
  if (from.id === to.id) refuse('已在该阶段');
  if (from.allowedMoves) {
    if (!from.allowedMoves.includes(to.key)) refuse('阶段模板不允许此转换');
    return;
  }
  if (from.kind !== 'open') {
    if (to.kind !== 'open') refuse('已结束的商机不能直接改为另一结果');
    if (!set.allowReopen) refuse('已结束的商机不允许重新打开');
    return;
  }
  if (to.kind !== 'open') return;
  const open = list.filter((s) => s.kind === 'open');
  const fi = open.findIndex((s) => s.id === from.id);
  const ti = open.findIndex((s) => s.id === to.id);
  if (ti < fi && !set.allowRollback) refuse('该阶段模板不允许回退');
  if (ti > fi + 1 && !set.allowSkip) refuse('不能跳过中间阶段');
}

export interface RequirementFacts {
  values: Partial<Record<StageRequiredField, boolean>>;
  checklist: Record<string, boolean>;
}

/** Throws 409 `stage_requirement_unmet` naming every missing field / checklist item (Chinese). */
export function assertRequirementsMet(to: StageRow, facts: RequirementFacts): void {
  const missingFields = to.requirements.fields.filter((f) => !facts.values[f]);
  const missingItems = to.requirements.checklist.filter((c) => !facts.checklist[c.key]);
  if (!missingFields.length && !missingItems.length) return;
  const names = [...missingFields.map((f) => STAGE_FIELD_LABELS[f]), ...missingItems.map((c) => `检查项「${c.label}」`)];
  throw errors.conflict('stage_requirement_unmet', `进入「${to.name}」前还需要：${names.join('、')}`, {
    stage: idStr(to.id),
    missingFields,
    missingChecklist: missingItems.map((c) => c.key),
  });
}
