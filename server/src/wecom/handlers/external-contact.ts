import { and, desc, eq } from 'drizzle-orm';
import { WECOM_LEAD_SETTING, WECOM_LEAD_SOURCE } from '@scrm/shared';
import { corps, externalContacts, users, wecomTransfers } from '../../db/schema/index';
import type { AppDeps } from '../../http/context';
import { createLeadFromExternalContact } from '../../modules/leads/service';
import { wecomClient } from '../client';
import { WecomApiError } from '../errors';
import { emitWecomEvent, onWecomEvent, onWecomPrefetch, type RemoteMemo, type WecomEvent } from '../events';
import { addTimeline, endFollow, upsertExternalContact, upsertFollow, userIdsByWecomId } from '../mirror';
import { enqueueMessage } from '../outbox';

const NOT_EXTERNAL_CONTACT = 84061;

/** The local id of this server's corp (undefined before its first event created it). */
async function localCorpId(deps: AppDeps): Promise<number | undefined> {
  const [c] = await deps.db.select({ id: corps.id }).from(corps).where(eq(corps.wecomCorpId, deps.config.wecom.corpId));
  return c?.id;
}

/** A stable key of the callback for idempotent timeline entries. */
const sourceKey = (p: Record<string, any>) => `${String(p.ChangeType)}:${String(p.UserID ?? '')}:${String(p.ExternalUserID ?? '')}:${String(p.CreateTime ?? '')}`;

/** `externalcontact/get`, once per processing attempt (prefetched before the transaction where registered). */
function fetchDetail(deps: WecomEvent['deps'], remote: RemoteMemo | undefined, extId: string) {
  const get = () => wecomClient(deps).getExternalContact(extId);
  return remote ? remote(`externalcontact/get:${extId}`, get) : get();
}

/** Mirrors the contact and every follow relation from `externalcontact/get`; undefined when WeCom no longer knows it. */
async function mirror(ev: WecomEvent) {
  const extId = String(ev.payload.ExternalUserID ?? '');
  if (!extId) return undefined;
  try {
    const detail = await fetchDetail(ev.deps, ev.remote, extId);
    const { id } = await upsertExternalContact(ev.db, ev.corpId, detail.external_contact, detail as unknown as Record<string, unknown>);
    const ids = await userIdsByWecomId(ev.db, ev.corpId, detail.follow_user.map((f) => f.userid));
    for (const f of detail.follow_user) await upsertFollow(ev.db, ev.corpId, id, f, ids.get(f.userid));
    return { id, detail };
  } catch (err) {
    if (err instanceof WecomApiError && err.errcode === NOT_EXTERNAL_CONTACT) return undefined;
    throw err;
  }
}

/** The local contact row, or a placeholder when a removal arrives for a contact we never mirrored. */
async function localContact(ev: WecomEvent): Promise<{ id: number; name: string }> {
  const extId = String(ev.payload.ExternalUserID);
  const [row] = await ev.db
    .select({ id: externalContacts.id, name: externalContacts.name })
    .from(externalContacts)
    .where(and(eq(externalContacts.corpId, ev.corpId), eq(externalContacts.externalUserId, extId)));
  if (row) return row;
  const mirrored = await mirror(ev);
  if (mirrored) return { id: mirrored.id, name: mirrored.detail.external_contact.name };
  const { id } = await upsertExternalContact(ev.db, ev.corpId, { external_userid: extId, name: extId, type: 1 });
  return { id, name: extId };
}

async function userName(ev: WecomEvent, wecomUserId: string): Promise<{ id?: number; name: string }> {
  const [u] = await ev.db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.corpId, ev.corpId), eq(users.wecomUserId, wecomUserId)));
  return u ?? { name: wecomUserId };
}

async function onAdd(ev: WecomEvent): Promise<void> {
  const m = await mirror(ev);
  if (!m) return;
  const wecomUserId = String(ev.payload.UserID ?? '');
  const employee = await userName(ev, wecomUserId);
  const half = ev.payload.ChangeType === 'add_half_external_contact';
  await addTimeline(ev.db, {
    corpId: ev.corpId,
    externalContactId: m.id,
    userId: employee.id,
    wecomUserId,
    kind: 'added',
    message: `${employee.name} 添加了外部联系人 ${m.detail.external_contact.name}${half ? '（待对方通过）' : ''}`,
    sourceKey: sourceKey(ev.payload),
    at: ev.deps.now(),
  });
  const [corp] = await ev.db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, ev.corpId));
  const leadsOn = corp?.settings[WECOM_LEAD_SETTING] !== false;
  const c = m.detail.external_contact;
  if (leadsOn) {
    await createLeadFromExternalContact(ev.db, ev.deps, {
      corpId: ev.corpId,
      ownerUserId: employee.id ?? null,
      externalContactId: m.id,
      name: c.name,
      company: c.corp_full_name || c.corp_name || null,
      source: WECOM_LEAD_SOURCE,
    });
  }
  await emitWecomEvent('external_contact.added', {
    ...ev,
    payload: { corpId: ev.corpId, externalContactId: m.id, externalUserId: c.external_userid, userId: employee.id ?? null, wecomUserId, state: ev.payload.State ?? '', leadCreated: leadsOn },
  });
}

async function onRemoved(ev: WecomEvent): Promise<void> {
  const byCustomer = ev.payload.ChangeType === 'del_follow_user';
  const wecomUserId = String(ev.payload.UserID ?? '');
  const contact = await localContact(ev);
  const employee = await userName(ev, wecomUserId);
  const transfer = ev.payload.Source === 'DELETE_BY_TRANSFER';
  const reason = byCustomer ? 'customer_deleted' : transfer ? 'transferred' : 'employee_deleted';
  await endFollow(ev.db, ev.corpId, contact.id, wecomUserId, employee.id, reason, ev.deps.now());
  const message = byCustomer
    ? `客户 ${contact.name} 删除了员工 ${employee.name}`
    : transfer
      ? `${employee.name} 的客户 ${contact.name} 已转接给其他同事`
      : `员工 ${employee.name} 删除了客户 ${contact.name}`;
  await addTimeline(ev.db, { corpId: ev.corpId, externalContactId: contact.id, userId: employee.id, wecomUserId, kind: reason, message, sourceKey: sourceKey(ev.payload), at: ev.deps.now() });
}

const FAIL_REASONS: Record<string, string> = {
  customer_refused: '客户拒绝了转接',
  customer_limit_exceed: '接替成员的客户数已达上限',
};

async function onTransferFail(ev: WecomEvent): Promise<void> {
  const takeover = String(ev.payload.UserID ?? '');
  const contact = await localContact(ev);
  const why = FAIL_REASONS[String(ev.payload.FailReason)] ?? `转接失败（${String(ev.payload.FailReason ?? '未知原因')}）`;
  const extId = String(ev.payload.ExternalUserID);
  const [req] = await ev.db
    .select({ id: wecomTransfers.id })
    .from(wecomTransfers)
    .where(and(eq(wecomTransfers.corpId, ev.corpId), eq(wecomTransfers.externalUserId, extId), eq(wecomTransfers.takeoverUserId, takeover)))
    .orderBy(desc(wecomTransfers.id))
    .limit(1);
  const status = ev.payload.FailReason === 'customer_refused' ? 'refused' : 'limit';
  if (req) await ev.db.update(wecomTransfers).set({ status, message: why }).where(eq(wecomTransfers.id, req.id));
  const taker = await userName(ev, takeover);
  await addTimeline(ev.db, {
    corpId: ev.corpId,
    externalContactId: contact.id,
    userId: taker.id,
    wecomUserId: takeover,
    kind: 'transfer_fail',
    message: `客户 ${contact.name} 转接给 ${taker.name} 失败：${why}`,
    sourceKey: sourceKey(ev.payload),
    at: ev.deps.now(),
  });
  await enqueueMessage(ev.db, {
    corpId: ev.corpId,
    toWecomUserIds: [takeover],
    message: { msgtype: 'text', text: { content: `客户「${contact.name}」未能转接给您：${why}。` } },
    dedupeKey: `transfer_fail:${sourceKey(ev.payload)}`,
    source: { module: 'wecom', ref: `transfer:${extId}` },
  });
}

// The reads of add/edit happen before the event's transaction opens (never inside one that may be retried).
const prefetchDetail: Parameters<typeof onWecomPrefetch>[1] = async ({ deps, payload, remote }) => {
  const extId = String(payload.ExternalUserID ?? '');
  if (!extId) return;
  // Failures (84061 "not a contact" included) surface in the handler, which decides what they mean.
  await fetchDetail(deps, remote, extId).catch(() => undefined);
};
for (const kind of ['add_external_contact', 'add_half_external_contact', 'edit_external_contact']) {
  onWecomPrefetch(`change_external_contact:${kind}`, prefetchDetail);
}
// A removal or a failed transfer reads WeCom only for a contact never mirrored here.
for (const kind of ['del_external_contact', 'del_follow_user', 'transfer_fail']) {
  onWecomPrefetch(`change_external_contact:${kind}`, async (ev) => {
    const extId = String(ev.payload.ExternalUserID ?? '');
    if (!extId) return;
    const corpId = await localCorpId(ev.deps);
    const [known] = corpId
      ? await ev.deps.db
          .select({ id: externalContacts.id })
          .from(externalContacts)
          .where(and(eq(externalContacts.corpId, corpId), eq(externalContacts.externalUserId, extId)))
      : [];
    if (!known) await prefetchDetail(ev);
  });
}

onWecomEvent('change_external_contact:add_external_contact', onAdd);
onWecomEvent('change_external_contact:add_half_external_contact', onAdd);
onWecomEvent('change_external_contact:edit_external_contact', async (ev) => void (await mirror(ev)));
onWecomEvent('change_external_contact:del_external_contact', onRemoved);
onWecomEvent('change_external_contact:del_follow_user', onRemoved);
onWecomEvent('change_external_contact:transfer_fail', onTransferFail);
