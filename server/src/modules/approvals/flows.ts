import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ApprovalDocType, ApproverRule, FlowDefinition, StepCondition } from '@scrm/shared';
import type { Db } from '../../db/client';
import { approvalFlows, departments, userDepartments, users } from '../../db/schema/index';
import { errors } from '../../http/errors';

const YUAN = 100;

/** Flows a corp gets the first time a document type is submitted (admins publish new versions). */
export const DEFAULT_FLOWS: Record<ApprovalDocType, { name: string; definition: FlowDefinition }> = {
  expense: {
    name: '费用报销审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '上级负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 2 }], when: { amountGt: 5000 * YUAN } },
      ],
      cc: [{ type: 'role', role: 'finance' }],
    },
  },
  advance: {
    name: '借支审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '上级负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 2 }], when: { amountGt: 5000 * YUAN } },
      ],
      cc: [{ type: 'role', role: 'finance' }],
    },
  },
  quote_discount: {
    name: '报价折扣审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '上级负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 2 }], when: { amountGt: 100000 * YUAN } },
      ],
      cc: [],
    },
  },
  contract: {
    name: '合同审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '财务审核', mode: 'any', approvers: [{ type: 'role', role: 'finance' }] },
      ],
      cc: [],
    },
  },
  contract_change: {
    name: '合同变更审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '财务审核', mode: 'any', approvers: [{ type: 'role', role: 'finance' }] },
      ],
      cc: [],
    },
  },
  refund: {
    name: '退款审批',
    definition: {
      steps: [
        { name: '部门负责人审批', mode: 'any', approvers: [{ type: 'leader', level: 1 }] },
        { name: '财务审核', mode: 'any', approvers: [{ type: 'role', role: 'finance' }] },
      ],
      cc: [],
    },
  },
};

/** The active flow of a document type; the default is published (version 1) when the corp has none. */
export async function activeFlow(db: Db, corpId: number, docType: ApprovalDocType) {
  const [flow] = await db
    .select()
    .from(approvalFlows)
    .where(and(eq(approvalFlows.corpId, corpId), eq(approvalFlows.docType, docType), eq(approvalFlows.isActive, true)))
    .orderBy(desc(approvalFlows.version))
    .limit(1);
  if (flow) return flow;
  const def = DEFAULT_FLOWS[docType];
  if (!def) throw errors.conflict('approval_flow_missing', '该单据类型没有配置审批流程');
  return publishFlow(db, corpId, docType, def.name, def.definition, null);
}

/** Publishes a new version (previous versions stay for the instances that use them). */
/** Published flow versions of the corp (one doc type or all), newest version first. */
export function listFlowVersions(db: Db, corpId: number, docType?: ApprovalDocType) {
  return db
    .select()
    .from(approvalFlows)
    .where(and(eq(approvalFlows.corpId, corpId), docType ? eq(approvalFlows.docType, docType) : undefined))
    .orderBy(approvalFlows.docType, desc(approvalFlows.version));
}

export async function publishFlow(db: Db, corpId: number, docType: string, name: string, definition: FlowDefinition, createdBy: number | null) {
  const [last] = await db
    .select({ version: sql<number>`MAX(${approvalFlows.version})` })
    .from(approvalFlows)
    .where(and(eq(approvalFlows.corpId, corpId), eq(approvalFlows.docType, docType)));
  const version = Number(last?.version ?? 0) + 1;
  await db
    .update(approvalFlows)
    .set({ isActive: false })
    .where(and(eq(approvalFlows.corpId, corpId), eq(approvalFlows.docType, docType)));
  const [row] = await db
    .insert(approvalFlows)
    .values({ corpId, docType, version, name, definition, isActive: true, createdBy })
    .$returningId();
  const [flow] = await db.select().from(approvalFlows).where(eq(approvalFlows.id, row!.id));
  return flow!;
}

/** Facts about the applicant the rules need. */
export interface ApplicantInfo {
  id: number;
  corpId: number;
  departmentId: number | null;
  /** department ids from the root down to the applicant's department */
  departmentChain: number[];
}

export async function loadApplicant(db: Db, corpId: number, userId: number): Promise<ApplicantInfo> {
  const [u] = await db
    .select({ id: users.id, mainDepartmentId: users.mainDepartmentId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.corpId, corpId)));
  if (!u) throw errors.notFound('申请人');
  let departmentId = u.mainDepartmentId;
  if (!departmentId) {
    const [m] = await db.select({ d: userDepartments.departmentId }).from(userDepartments).where(eq(userDepartments.userId, userId)).limit(1);
    departmentId = m?.d ?? null;
  }
  let departmentChain: number[] = [];
  if (departmentId) {
    const [d] = await db.select({ path: departments.path }).from(departments).where(eq(departments.id, departmentId));
    departmentChain = (d?.path ?? '').split('/').filter(Boolean).map(Number);
  }
  return { id: u.id, corpId, departmentId, departmentChain };
}

/** True when the step applies to this instance. */
export function conditionHolds(when: StepCondition | undefined, amount: number | null, attributes: Record<string, unknown>, applicant: ApplicantInfo): boolean {
  if (!when) return true;
  if (when.amountGt !== undefined && !(amount != null && amount > when.amountGt)) return false;
  if (when.amountLte !== undefined && !(amount != null && amount <= when.amountLte)) return false;
  if (when.categories?.length) {
    const raw = attributes.category ?? attributes.categories;
    const have = (Array.isArray(raw) ? raw : raw == null ? [] : [raw]).map(String);
    if (!have.some((c) => when.categories!.includes(c))) return false;
  }
  if (when.departmentIds?.length && !applicant.departmentChain.some((d) => when.departmentIds!.includes(String(d)))) return false;
  return true;
}

/** Leaders of the N-th department (going up) that has a leader other than the applicant. */
async function leadersAtLevel(db: Db, applicant: ApplicantInfo, level: number): Promise<number[]> {
  const chain = [...applicant.departmentChain].reverse();
  if (chain.length === 0) return [];
  const rows = await db
    .select({ departmentId: userDepartments.departmentId, userId: userDepartments.userId })
    .from(userDepartments)
    .innerJoin(users, eq(users.id, userDepartments.userId))
    .where(
      and(
        eq(userDepartments.corpId, applicant.corpId),
        inArray(userDepartments.departmentId, chain),
        eq(userDepartments.isLeader, true),
        eq(users.status, 'active'),
        ne(users.id, applicant.id),
      ),
    );
  let found = 0;
  for (const dept of chain) {
    const leaders = rows.filter((r) => r.departmentId === dept).map((r) => r.userId);
    if (leaders.length === 0) continue;
    found++;
    if (found === level) return [...new Set(leaders)].sort((a, b) => a - b);
  }
  return [];
}

/** Resolves approver rules to active user ids of the corp, never the applicant. */
export async function resolveRules(db: Db, rules: ApproverRule[], applicant: ApplicantInfo): Promise<number[]> {
  const out = new Set<number>();
  for (const rule of rules) {
    let ids: number[] = [];
    if (rule.type === 'leader') ids = await leadersAtLevel(db, applicant, rule.level);
    else {
      const cond =
        rule.type === 'role'
          ? eq(users.role, rule.role)
          : inArray(users.id, rule.userIds.map(Number).filter(Number.isSafeInteger));
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.corpId, applicant.corpId), eq(users.status, 'active'), cond))
        .orderBy(users.id);
      ids = rows.map((r) => r.id);
    }
    for (const id of ids) if (id !== applicant.id) out.add(id);
  }
  return [...out];
}
