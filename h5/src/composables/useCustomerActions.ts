import { useI18n } from 'vue-i18n';
import type { RouteAction } from '@scrm/shared';
import { customerAction, searchColleagues, type Colleague } from '@/api/customers';
import { useErrorText } from '@/composables/useErrorText';
import { needsConfirmation, needsTargetUser, reasonRequired } from '@/lib/customers/actions';
import { newActionKey } from '@/utils/action-key';

const NOT_CHOSEN = Symbol('not chosen');

function modal(options: UniApp.ShowModalOptions): Promise<UniApp.ShowModalRes> {
  return new Promise((resolve) => uni.showModal({ ...options, success: resolve, fail: () => resolve({ confirm: false, cancel: true } as UniApp.ShowModalRes) }));
}

function actionSheet(itemList: string[]): Promise<number | null> {
  return new Promise((resolve) => uni.showActionSheet({ itemList, success: (r) => resolve(r.tapIndex), fail: () => resolve(null) }));
}

/**
 * The ownership actions of a customer as dialogs: pick the action, a colleague when it hands the
 * customer over, a reason (required for return / discard), a confirmation before destructive
 * ones, then the call. A broken pool rule (409) is shown with the server's own Chinese sentence.
 */
export function useCustomerActions() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const label = (a: RouteAction) => t(`customers.actions.${a}`);

  async function askReason(action: RouteAction): Promise<string | undefined | typeof NOT_CHOSEN> {
    const required = reasonRequired(action);
    for (;;) {
      const res = await modal({
        title: t('customers.actions.reasonTitle', { action: label(action) }),
        editable: true,
        placeholderText: required ? t('customers.actions.reasonPlaceholder') : t('customers.actions.reasonOptional'),
        content: '',
      });
      if (!res.confirm) return NOT_CHOSEN;
      const reason = (res.content ?? '').trim();
      if (reason || !required) return reason || undefined;
      uni.showToast({ title: t('customers.actions.reasonRequired'), icon: 'none' });
    }
  }

  async function askColleague(): Promise<Colleague | typeof NOT_CHOSEN> {
    const res = await modal({ title: t('customers.actions.pickUser'), editable: true, placeholderText: t('customers.actions.userIdPlaceholder'), content: '' });
    const q = (res.content ?? '').trim();
    if (!res.confirm || !q) return NOT_CHOSEN;
    try {
      const { items } = await searchColleagues(q);
      if (!items.length) {
        uni.showToast({ title: t('customers.actions.userNotFound'), icon: 'none' });
        return NOT_CHOSEN;
      }
      if (items.length === 1) return items[0]!;
      const picked = await actionSheet(items.slice(0, 6).map((u) => u.name));
      return picked === null ? NOT_CHOSEN : items[picked]!;
    } catch (e) {
      uni.showModal({ title: label('transfer'), content: errorText(e), showCancel: false });
      return NOT_CHOSEN;
    }
  }

  /** Runs one action on one customer; resolves true when it was applied. */
  async function run(customer: { id: string; name: string }, action: RouteAction): Promise<boolean> {
    let toUserId: string | undefined;
    if (needsTargetUser(action)) {
      const colleague = await askColleague();
      if (colleague === NOT_CHOSEN) return false;
      toUserId = colleague.id;
    }
    let reason: string | undefined;
    if (action !== 'claim' && action !== 'restore') {
      const r = await askReason(action);
      if (r === NOT_CHOSEN) return false;
      reason = r;
    }
    if (needsConfirmation(action)) {
      const key = action === 'discard' ? 'confirmDiscard' : action === 'return' ? 'confirmReturn' : 'confirmReclaim';
      const ok = await modal({
        title: t('customers.actions.confirmTitle', { action: label(action) }),
        content: t(`customers.actions.${key}`, { name: customer.name }),
        confirmColor: '#f53f3f',
      });
      if (!ok.confirm) return false;
    }
    uni.showLoading({ title: label(action), mask: true });
    try {
      await customerAction(customer.id, action, { toUserId, reason }, newActionKey(`act-${action}-${customer.id}`));
      uni.hideLoading();
      uni.showToast({ title: t('customers.actions.done', { action: label(action) }), icon: 'success' });
      return true;
    } catch (e) {
      uni.hideLoading();
      // 409 pool rules: the server's message says which rule (e.g. 今日领取已达上限).
      await modal({ title: label(action), content: errorText(e), showCancel: false });
      return false;
    }
  }

  /** The action sheet: lets the user pick one of `actions`, then runs it. */
  async function choose(customer: { id: string; name: string }, actions: RouteAction[]): Promise<boolean> {
    if (!actions.length) return false;
    const picked = await actionSheet(actions.map(label));
    if (picked === null) return false;
    return run(customer, actions[picked]!);
  }

  return { run, choose, label };
}
