import { and, eq } from 'drizzle-orm';
import type { ApprovalAction, ApprovalDocType } from '@scrm/shared';
import { canSeeOwner, type DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { approvalInstances } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { instanceParts, isCc } from './repo';
import type { Instance } from './types';

/**
 * Approvals of money documents: the finance role sees these whether or not it takes part (it pays
 * out and books them). A quote discount is a sales document: it follows its participants and scope.
 */
export const MONEY_APPROVAL_DOC_TYPES: readonly ApprovalDocType[] = ['expense', 'advance', 'contract', 'contract_change', 'refund'];

/** The one "finance sees money documents" rule of approvals. */
export const financeSeesApproval = (user: AuthUser, inst: Pick<Instance, 'docType'>): boolean =>
  user.role === 'finance' && MONEY_APPROVAL_DOC_TYPES.includes(inst.docType as ApprovalDocType);

/**
 * Who may see an instance: the applicant, its approvers (any task, any status) and CCs, whoever's
 * data scope covers the applicant (leaders: subtree; "all" roles: the corp), and finance for
 * approvals of money documents. Anyone else gets 404.
 */
export async function findVisibleApproval(db: Db, user: AuthUser, scope: DataScope, id: number): Promise<Instance> {
  const [inst] = await db
    .select()
    .from(approvalInstances)
    .where(and(eq(approvalInstances.id, id), eq(approvalInstances.corpId, user.corpId)));
  if (!inst) throw errors.notFound('审批');
  if (inst.applicantId === user.id || financeSeesApproval(user, inst) || canSeeOwner(scope, inst.applicantId)) return inst;
  const { tasks } = await instanceParts(db, inst.id);
  if (tasks.some((t) => t.approverId === user.id) || (await isCc(db, inst.id, user.id))) return inst;
  throw errors.notFound('审批');
}

type Parts = Awaited<ReturnType<typeof instanceParts>>;

/**
 * What the caller may do on a visible instance: a pending task of theirs at the current step →
 * approve / reject / return / transfer / add an approver; the applicant of a pending or draft
 * instance → withdraw. Seeing an instance grants nothing by itself.
 */
export function availableApprovalActions(user: AuthUser, inst: Instance, parts: Pick<Parts, 'steps' | 'tasks'>): ApprovalAction[] {
  const current = parts.steps.find((s) => s.round === inst.round && s.stepIndex === inst.currentStep && s.status === 'pending');
  const actions: ApprovalAction[] = [];
  if (inst.status === 'pending' && current && parts.tasks.some((t) => t.stepId === current.id && t.approverId === user.id && t.status === 'pending')) {
    actions.push('approve', 'reject', 'return', 'transfer', 'add_approver');
  }
  if (inst.applicantId === user.id && (inst.status === 'pending' || inst.status === 'draft')) actions.push('withdraw');
  return actions;
}
