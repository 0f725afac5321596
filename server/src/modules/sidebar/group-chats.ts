import { and, eq } from 'drizzle-orm';
import type { DataScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { customerGroupChats, opportunities } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { errors, isDuplicateKey } from '../../http/errors';
import { idStr, idStrOrNull } from '../../lib/ids';
import { toIso } from '../../lib/time';
import { presentCustomer } from '../customers/repo';
import { findVisibleCustomerWithAccess, requireEditableCustomer, requireVisibleCustomer } from '../customers/visibility';
import { withNames as withOpportunityNames } from '../opportunities/repo';
import { findVisibleOpportunity, opportunityVisibleCondition } from '../opportunities/visibility';

type GroupChatRow = typeof customerGroupChats.$inferSelect;

const presentGroupChat = (g: GroupChatRow) => ({
  id: idStr(g.id),
  chatId: g.chatId,
  name: g.name,
  customerId: idStr(g.customerId),
  opportunityId: idStrOrNull(g.opportunityId),
  createdAt: toIso(g.createdAt),
});

/** The opportunity's id when the caller may see it and it belongs to the customer (404 / 409 otherwise). */
async function opportunityOfCustomer(db: Db, s: DataScope, customerId: number, opportunityId: number): Promise<number> {
  const o = await findVisibleOpportunity(db, s, opportunityId);
  if (!o) throw errors.notFound('商机');
  if (o.customerId !== customerId) throw errors.conflict('opportunity_not_of_customer', '该商机不属于这个客户');
  return o.id;
}

/** The group's opportunity as the sidebar shows it; null when out of the caller's scope. */
async function groupOpportunity(db: Db, s: DataScope, opportunityId: number) {
  const [r] = await withOpportunityNames(db, and(eq(opportunities.corpId, s.corpId), eq(opportunities.id, opportunityId), opportunityVisibleCondition(s)));
  if (!r) return null;
  return {
    id: idStr(r.o.id),
    name: r.o.name,
    status: r.o.status,
    stage: { id: idStr(r.stage.id), name: r.stage.name, winRate: r.stage.winRate },
    amount: { amount: r.o.amount, currency: r.o.currency },
    expectedCloseDate: r.o.expectedCloseDate,
  };
}

/** The customer (and opportunity) a group chat is bound to, each null when unbound or out of scope. */
export async function groupContext(db: Db, s: DataScope, chatId: string) {
  const [g] = await db.select().from(customerGroupChats).where(and(eq(customerGroupChats.corpId, s.corpId), eq(customerGroupChats.chatId, chatId)));
  const visible = g ? await findVisibleCustomerWithAccess(db, s, g.customerId) : null;
  const opportunity = visible && g?.opportunityId ? await groupOpportunity(db, s, g.opportunityId) : null;
  return { chatId, bound: Boolean(g), customer: visible ? presentCustomer(visible.row, visible.row.ownerName) : null, opportunityId: opportunity?.id ?? null, opportunity };
}

/** Binds a group chat to a customer the caller may edit (one group, one customer: 409 `group_chat_bound`). */
export async function bindGroupChat(db: Db, s: DataScope, user: AuthUser, customerId: number, body: { chatId: string; name?: string | null; opportunityId?: string | null }, now: Date) {
  await requireEditableCustomer(db, s, customerId);
  const opportunityId = body.opportunityId ? await opportunityOfCustomer(db, s, customerId, Number(body.opportunityId)) : null;
  try {
    const [row] = await db
      .insert(customerGroupChats)
      .values({ corpId: s.corpId, customerId, chatId: body.chatId, name: body.name ?? null, opportunityId, boundBy: user.id, createdAt: now, updatedAt: now })
      .$returningId();
    return { id: idStr(row!.id), chatId: body.chatId, name: body.name ?? null, customerId: idStr(customerId), opportunityId: idStrOrNull(opportunityId), createdAt: toIso(now) };
  } catch (err) {
    if (isDuplicateKey(err)) throw errors.conflict('group_chat_bound', '该客户群已绑定到客户');
    throw err;
  }
}

/** Group chats bound to a visible customer. */
export async function groupChatsOf(db: Db, s: DataScope, customerId: number) {
  await requireVisibleCustomer(db, s, customerId);
  const rows = await db.select().from(customerGroupChats).where(eq(customerGroupChats.customerId, customerId));
  return { items: rows.map(presentGroupChat) };
}

/** Re-points a bound group chat's opportunity (null unbinds it); the customer must be editable. */
export async function setGroupChatOpportunity(db: Db, s: DataScope, customerId: number, chatId: string, opportunityIdIn: string | null | undefined, now: Date) {
  await requireEditableCustomer(db, s, customerId);
  const where = and(eq(customerGroupChats.corpId, s.corpId), eq(customerGroupChats.customerId, customerId), eq(customerGroupChats.chatId, chatId));
  const [g] = await db.select().from(customerGroupChats).where(where);
  if (!g) throw errors.notFound('客户群');
  const opportunityId = opportunityIdIn ? await opportunityOfCustomer(db, s, customerId, Number(opportunityIdIn)) : null;
  await db.update(customerGroupChats).set({ opportunityId, updatedAt: now }).where(eq(customerGroupChats.id, g.id));
  return { before: { chatId: g.chatId, opportunityId: g.opportunityId }, after: { chatId: g.chatId, opportunityId }, out: presentGroupChat({ ...g, opportunityId }) };
}
