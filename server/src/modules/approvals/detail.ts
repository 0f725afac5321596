import type { ApprovalDetail } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../http/context';
import { idStr } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { flowOf } from './engine';
import { instanceParts, presentItem, userNames } from './repo';
import type { Instance } from './types';
import { availableApprovalActions } from './visibility';

/** The API view of an instance with steps, tasks, CC, history and what the caller may do. */
export async function approvalDetailView(db: Db, user: AuthUser, inst: Instance): Promise<ApprovalDetail> {
  const flow = await flowOf(db, inst);
  const { steps, tasks, cc, history } = await instanceParts(db, inst.id);
  const names = await userNames(db, [
    inst.applicantId,
    ...tasks.map((t) => t.approverId),
    ...cc.map((c) => c.userId),
    ...history.flatMap((h) => [h.actorId, h.targetUserId]),
  ]);
  const ref = (id: number | null) => (id == null ? null : { id: idStr(id), name: names.get(id) ?? '' });
  const stepName = inst.currentStep == null ? null : (flow.definition.steps[inst.currentStep]?.name ?? null);
  return {
    ...presentItem(inst, names.get(inst.applicantId) ?? '', stepName),
    flow: { id: idStr(flow.id), name: flow.name, version: flow.version },
    steps: steps.map((s) => ({
      index: s.stepIndex,
      round: s.round,
      name: s.name,
      mode: s.mode,
      status: s.status,
      tasks: tasks
        .filter((t) => t.stepId === s.id)
        .map((t) => ({ id: idStr(t.id), approver: ref(t.approverId)!, status: t.status, comment: t.comment, actedAt: toIso(t.actedAt), added: t.added })),
    })),
    cc: cc.map((c) => ref(c.userId)!),
    history: history.map((h) => ({
      action: h.action,
      actor: ref(h.actorId),
      target: ref(h.targetUserId),
      stepIndex: h.stepIndex,
      comment: h.comment,
      via: h.via,
      at: toIso(h.createdAt),
    })),
    availableActions: availableApprovalActions(user, inst, { steps, tasks }),
  };
}
