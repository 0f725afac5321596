import { and, eq } from 'drizzle-orm';
import { departments, userDepartments, users } from '../../db/schema/index';
import { wecomClient } from '../client';
import { WecomApiError } from '../errors';
import { onWecomEvent, onWecomPrefetch, type WecomEvent } from '../events';
import { markUserDeleted, upsertDepartment, upsertUser } from '../org';

const USER_NOT_FOUND = 60111;

/** The member's `user/get`, fetched before the event's transaction and memoised for the attempt. */
const userOf = (ev: Pick<WecomEvent, 'deps' | 'payload' | 'remote'>) => {
  const userid = String(ev.payload.NewUserID || ev.payload.UserID || '');
  const get = () => wecomClient(ev.deps).getUser(userid);
  return ev.remote ? ev.remote(`user/get:${userid}`, get) : get();
};

async function onUser(ev: WecomEvent): Promise<void> {
  const p = ev.payload;
  const oldId = String(p.UserID ?? '');
  const newId = p.NewUserID ? String(p.NewUserID) : undefined;
  if (newId && newId !== oldId) {
    await ev.db.update(users).set({ wecomUserId: newId }).where(and(eq(users.corpId, ev.corpId), eq(users.wecomUserId, oldId)));
  }
  const userid = newId ?? oldId;
  try {
    const u = await userOf(ev);
    await upsertUser(ev.db, ev.deps, ev.corpId, u);
  } catch (err) {
    if (err instanceof WecomApiError && err.errcode === USER_NOT_FOUND) return markUserDeleted(ev.db, ev.deps, ev.corpId, userid);
    throw err;
  }
}

async function onParty(ev: WecomEvent): Promise<void> {
  const p = ev.payload;
  await upsertDepartment(ev.db, ev.corpId, {
    id: Number(p.Id),
    name: p.Name !== undefined ? String(p.Name) : undefined,
    parentid: p.ParentId !== undefined ? Number(p.ParentId) : undefined,
    order: p.Order !== undefined ? Number(p.Order) : undefined,
  });
}

/** WeCom only deletes empty departments; memberships go, the row goes when nothing refers to it. */
async function onDeleteParty(ev: WecomEvent): Promise<void> {
  const [d] = await ev.db.select({ id: departments.id }).from(departments).where(and(eq(departments.corpId, ev.corpId), eq(departments.wecomDeptId, Number(ev.payload.Id))));
  if (!d) return;
  await ev.db.delete(userDepartments).where(eq(userDepartments.departmentId, d.id));
  await ev.db.update(users).set({ mainDepartmentId: null }).where(eq(users.mainDepartmentId, d.id));
  const [child] = await ev.db.select({ id: departments.id }).from(departments).where(eq(departments.parentId, d.id)).limit(1);
  if (!child) await ev.db.delete(departments).where(eq(departments.id, d.id));
}

for (const kind of ['create_user', 'update_user']) {
  // Failures (60111 "no such user" included) surface in the handler, which decides what they mean.
  onWecomPrefetch(`change_contact:${kind}`, async (ev) => void (await userOf(ev).catch(() => undefined)));
}
onWecomEvent('change_contact:create_user', onUser);
onWecomEvent('change_contact:update_user', onUser);
onWecomEvent('change_contact:delete_user', (ev) => markUserDeleted(ev.db, ev.deps, ev.corpId, String(ev.payload.UserID ?? '')));
onWecomEvent('change_contact:create_party', onParty);
onWecomEvent('change_contact:update_party', onParty);
onWecomEvent('change_contact:delete_party', onDeleteParty);
