import type { ApprovalAction } from '@scrm/shared';

/** What the UI must collect before an approval action is sent. */
export interface ActionNeeds {
  comment: 'required' | 'optional' | 'none';
  /** transfer / add_approver need a colleague */
  user: boolean;
  /** destructive or final actions ask "are you sure?" */
  confirm: boolean;
}

const NEEDS: Record<ApprovalAction, ActionNeeds> = {
  approve: { comment: 'optional', user: false, confirm: true },
  reject: { comment: 'required', user: false, confirm: false },
  return: { comment: 'optional', user: false, confirm: true },
  transfer: { comment: 'optional', user: true, confirm: true },
  add_approver: { comment: 'optional', user: true, confirm: true },
  withdraw: { comment: 'none', user: false, confirm: true },
};

export function actionNeeds(action: ApprovalAction): ActionNeeds {
  return NEEDS[action];
}

/** Button order on the detail page: the primary decision last (nearest the thumb on the right). */
const ORDER: ApprovalAction[] = ['withdraw', 'transfer', 'add_approver', 'return', 'reject', 'approve'];

/** The available actions in display order, unknown ones dropped. */
export function orderedActions(available: readonly ApprovalAction[]): ApprovalAction[] {
  return ORDER.filter((a) => available.includes(a));
}

/** Primary (approve) / danger (reject) / plain (the rest) for the button colour. */
export function actionTone(action: ApprovalAction): 'primary' | 'error' | 'info' {
  if (action === 'approve') return 'primary';
  if (action === 'reject') return 'error';
  return 'info';
}

/** A comment that satisfies the action, or null when it is missing (reject needs one). */
export function validComment(action: ApprovalAction, comment: string): string | null | undefined {
  const text = comment.trim();
  if (actionNeeds(action).comment === 'required' && !text) return null;
  return text || undefined;
}

/** A tab count: nothing for 0, `99+` when there are more than a page. */
export function countBadge(count: number, hasMore: boolean): string {
  if (hasMore || count > 99) return '99+';
  return count > 0 ? String(count) : '';
}

/**
 * Colour family of a status chip. Claims and advances are not finished when approved (money is
 * still to pay / to offset), so `approved` is orange for documents and green for approvals.
 */
export function statusTone(status: string, kind: 'document' | 'approval' = 'document'): 'grey' | 'blue' | 'green' | 'red' | 'orange' {
  switch (status) {
    case 'pending':
      return 'blue';
    case 'approved':
      return kind === 'approval' ? 'green' : 'orange';
    case 'reimbursed':
    case 'settled':
      return 'green';
    case 'rejected':
      return 'red';
    default:
      return 'grey';
  }
}
