import type { CustomerItem } from '@scrm/shared';
import type { CreateFromProfileBody, SidebarContext, SidebarExternalContact } from '@/api/sidebar';

/**
 * What the chat sidebar shows. Decided from the chat entry and the server's answer only, so the
 * page stays a thin view over this (and the decision is unit-tested).
 */
export type SidebarView =
  | { kind: 'loading' }
  /** Opened outside a chat (workbench, plain browser without `externalUserId`). */
  | { kind: 'no_chat' }
  | { kind: 'error'; message: string; retryable: boolean }
  /** Single chat, contact bound to a customer the caller may see: the customer card. */
  | { kind: 'bound'; context: SidebarContext; customer: CustomerItem }
  /** Single chat, bound to a customer the caller may not see (someone else's or in the pool). */
  | { kind: 'bound_elsewhere'; context: SidebarContext; ownerName: string | null }
  /** Single chat, kept as a lead (no customer yet): lead card + create customer / bind. */
  | { kind: 'lead'; context: SidebarContext }
  /** Single chat, nothing in the CRM yet: bind / create from profile / keep as lead. */
  | { kind: 'unbound'; context: SidebarContext }
  /** Group chat without a customer: bind it. */
  | { kind: 'group_unbound'; chatId: string }
  /** Group chat bound to a customer: the same card as a single chat. */
  | { kind: 'group_bound'; chatId: string; customer: CustomerItem };

/** The single-chat view for a `/api/sidebar/context` answer. */
export function viewOfContext(context: SidebarContext): SidebarView {
  if (context.customer) return { kind: 'bound', context, customer: context.customer };
  if (context.boundElsewhere) return { kind: 'bound_elsewhere', context, ownerName: context.boundElsewhere.ownerName };
  if (context.lead && context.lead.status !== 'discarded') return { kind: 'lead', context };
  return { kind: 'unbound', context };
}

/** The group-chat view for a `/api/sidebar/group-context` answer. */
export function viewOfGroup(chatId: string, customer: CustomerItem | null): SidebarView {
  return customer ? { kind: 'group_bound', chatId, customer } : { kind: 'group_unbound', chatId };
}

/** Which chat the sidebar was opened from (`getContext().entry`). */
export function chatKindOf(entry: string): 'single' | 'group' | 'none' {
  if (entry === 'single_chat_tools' || entry === 'contact_profile') return 'single';
  if (entry === 'group_chat_tools') return 'group';
  return 'none';
}

/** A mainland mobile number from WeCom's remark mobiles, if one looks valid. */
function firstMobile(ext: SidebarExternalContact): string | undefined {
  return ext.follow?.remarkMobiles.find((m) => /^1[3-9]\d{9}$/.test(m.replace(/[\s-]/g, '')))?.replace(/[\s-]/g, '');
}

/**
 * The "create customer from profile" form, prefilled from WeCom: the company is the full
 * registered name when WeCom has it, else the short corp name, else a personal customer named
 * after the person (what the server would pick too).
 */
export function profileDefaults(ext: SidebarExternalContact): Required<Pick<CreateFromProfileBody, 'customerName' | 'contactName'>> &
  Pick<CreateFromProfileBody, 'title' | 'mobile'> {
  const corp = ext.corpFullName?.trim() || ext.corpName?.trim();
  return {
    customerName: corp || `${ext.name}（个人客户）`,
    contactName: ext.name,
    title: ext.position?.trim() || undefined,
    mobile: firstMobile(ext),
  };
}
