import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, externalContactFollows, externalContacts, userDepartments, users, wecomGroupChats } from '../../src/db/schema/index';
import { drainInbox } from '../../src/wecom/inbox';
import { fullSync } from '../../src/wecom/sync';
import { startWecomEnv, type WecomEnv } from './env';

const PAGE = 3;
let env: WecomEnv;
beforeAll(async () => {
  env = await startWecomEnv({ pageLimit: PAGE });
});
afterAll(async () => {
  await env?.close();
});

const push = async (fields: Record<string, string | number>) => {
  expect((await env.emu.pushEvent(fields, env.callbackUrl)).status).toBe(200);
};
const userRow = async (wecomUserId: string) =>
  (await env.t.db.select().from(users).where(and(eq(users.corpId, env.corp.id), eq(users.wecomUserId, wecomUserId))))[0];
const deptRow = async (wecomDeptId: number) =>
  (await env.t.db.select().from(departments).where(and(eq(departments.corpId, env.corp.id), eq(departments.wecomDeptId, wecomDeptId))))[0];
const counts = async () => {
  const n = async (table: typeof departments | typeof users | typeof externalContacts | typeof externalContactFollows) =>
    (await env.t.db.select({ n: count() }).from(table).where(eq(table.corpId, env.corp.id)))[0]!.n;
  return { departments: await n(departments), users: await n(users), contacts: await n(externalContacts), follows: await n(externalContactFollows) };
};

describe('full sync', () => {
  it('mirrors departments, users and every external contact through cursor paging, and a second run changes nothing', async () => {
    const { emu } = env;
    const shared = emu.addExternalContact({ userid: 'rep1', name: '共同客户', corpName: '共享科技' });
    emu.addExternalContact({ userid: 'rep2', name: '共同客户', externalUserId: shared });
    for (let i = 1; i <= 7; i++) emu.addExternalContact({ userid: 'rep1', name: `同步客户${i}`, corpName: '同步公司' });
    for (let i = 1; i <= 2; i++) emu.addExternalContact({ userid: 'rep9', name: `二部客户${i}` });
    const calls = emu.counters['cgi-bin/externalcontact/batch/get_by_user'] ?? 0;

    const progress: string[] = [];
    const first = await fullSync(env.t.deps, (line) => progress.push(line));
    expect(first).toEqual({ departments: 5, users: 8, externalContacts: 10, follows: 11 });
    // 11 follow relations at 3 per page: the cursor was followed to the end
    expect(emu.counters['cgi-bin/externalcontact/batch/get_by_user']! - calls).toBe(Math.ceil(11 / PAGE));
    expect(progress.at(-1)).toBe('外部联系人 10 个，跟进关系 11 条');

    const team = await deptRow(5);
    expect(team!.path).toBe(`${(await deptRow(2))!.path}${team!.id}/`);
    const manager = await userRow('manager');
    const [lead] = await env.t.db.select().from(userDepartments).where(eq(userDepartments.userId, manager!.id));
    expect(lead).toMatchObject({ departmentId: (await deptRow(2))!.id, isLeader: true });
    const [contact] = await env.t.db.select().from(externalContacts).where(and(eq(externalContacts.corpId, env.corp.id), eq(externalContacts.externalUserId, shared)));
    expect(contact).toMatchObject({ name: '共同客户', corpName: '共享科技' });
    const follows = await env.t.db.select().from(externalContactFollows).where(eq(externalContactFollows.externalContactId, contact!.id));
    expect(follows.map((f) => [f.wecomUserId, f.userId, f.status]).sort()).toEqual([
      ['rep1', env.corp.users.rep1!.id, 'active'],
      ['rep2', env.corp.users.rep2!.id, 'active'],
    ]);

    const before = await counts();
    expect(await fullSync(env.t.deps)).toEqual(first);
    expect(await counts()).toEqual(before);
  });

  it('POST /api/wecom/sync runs it for an admin only', async () => {
    expect((await env.corp.users.rep1!.api.post('/api/wecom/sync')).status).toBe(403);
    const res = await env.corp.users.admin!.api.post('/api/wecom/sync');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ departments: 5, users: 8, externalContacts: 10, follows: 11 });
  });

  it('marks users WeCom no longer lists deleted and ends their sessions; a failed listing deletes nobody', async () => {
    env.emu.state.users.set('gone', { userid: 'gone', name: '已离开', department: [3], is_leader_in_dept: [0], main_department: 3, status: 1 });
    await fullSync(env.t.deps);
    const login = await env.t.api.post('/api/auth/dev-login', { wecomUserId: 'gone' });
    expect(login.status).toBe(200);
    const api = env.t.api.as(login.body.token);
    expect((await api.get('/api/me')).status).toBe(200);
    env.emu.state.users.delete('gone');

    // a WeCom error while listing members (departments already synced): the sync fails and touches nobody
    env.emu.failNext('cgi-bin/user/list', 60011, 1);
    await expect(fullSync(env.t.deps)).rejects.toThrow(/60011/);
    expect((await userRow('gone'))!.status).toBe('active');
    expect((await api.get('/api/me')).status).toBe(200);

    const res = await env.corp.users.admin!.api.post('/api/wecom/sync');
    expect(res.status).toBe(200);
    expect((await userRow('gone'))!.status).toBe('deleted');
    expect((await api.get('/api/me')).status).toBe(401);
    // everyone WeCom still lists is untouched
    for (const key of Object.keys(env.corp.users)) expect((await userRow(key))!.status).toBe('active');
    expect((await env.corp.users.rep1!.api.get('/api/me')).status).toBe(200);
  });
});

describe('change_external_chat', () => {
  it('mirrors a group on create, follows its name, owner and members on update, and keeps it marked on dismiss', async () => {
    const chatId = 'wrchat_test_1';
    env.emu.state.groupChats.set(chatId, {
      chat_id: chatId,
      name: '某某科技项目群',
      owner: 'rep1',
      member_list: [
        { userid: 'rep1', type: 1, join_time: 1790000000 },
        { userid: 'wm_customer_a', type: 2, join_time: 1790000001, name: '王总' },
      ],
    });
    await push({ Event: 'change_external_chat', ChangeType: 'create', ChatId: chatId });
    await drainInbox(env.t.deps);
    const get = async () => (await env.t.db.select().from(wecomGroupChats).where(and(eq(wecomGroupChats.corpId, env.corp.id), eq(wecomGroupChats.chatId, chatId))))[0]!;
    expect(await get()).toMatchObject({ name: '某某科技项目群', ownerWecomUserId: 'rep1', ownerUserId: env.corp.users.rep1!.id, dismissedAt: null });
    expect((await get()).members.map((m) => m.userid)).toEqual(['rep1', 'wm_customer_a']);

    const g = env.emu.state.groupChats.get(chatId)!;
    g.name = '某某科技二期';
    g.owner = 'rep2';
    g.member_list.push({ userid: 'rep2', type: 1, join_time: 1790000100 });
    await push({ Event: 'change_external_chat', ChangeType: 'update', UpdateDetail: 'change_owner', ChatId: chatId });
    await drainInbox(env.t.deps);
    const updated = await get();
    expect(updated).toMatchObject({ name: '某某科技二期', ownerWecomUserId: 'rep2', ownerUserId: env.corp.users.rep2!.id });
    expect(updated.members.map((m) => m.userid)).toEqual(['rep1', 'wm_customer_a', 'rep2']);

    g.member_list = g.member_list.filter((m) => m.userid !== 'wm_customer_a');
    await push({ Event: 'change_external_chat', ChangeType: 'update', UpdateDetail: 'del_member', ChatId: chatId });
    await push({ Event: 'change_external_chat', ChangeType: 'dismiss', ChatId: chatId });
    await drainInbox(env.t.deps);
    const dismissed = await get();
    expect(dismissed.dismissedAt).toBeTruthy();
    expect(dismissed).toMatchObject({ name: '某某科技二期', ownerWecomUserId: 'rep2' });
    expect(dismissed.members.map((m) => m.userid)).toEqual(['rep1', 'rep2']);
  });
});

describe('change_contact', () => {
  it('create_user mirrors the member with department and leader flag; update_user follows a NewUserID and leadership changes', async () => {
    env.emu.state.users.set('newbie', { userid: 'newbie', name: '新同事', department: [5], is_leader_in_dept: [1], main_department: 5, mobile: '13800000001', status: 1 });
    await push({ Event: 'change_contact', ChangeType: 'create_user', UserID: 'newbie' });
    await drainInbox(env.t.deps);
    const created = await userRow('newbie');
    expect(created).toMatchObject({ name: '新同事', mobile: '13800000001', status: 'active', role: 'manager', mainDepartmentId: (await deptRow(5))!.id });
    const [m] = await env.t.db.select().from(userDepartments).where(eq(userDepartments.userId, created!.id));
    expect(m).toMatchObject({ departmentId: (await deptRow(5))!.id, isLeader: true });

    const u = env.emu.state.users.get('newbie')!;
    env.emu.state.users.delete('newbie');
    env.emu.state.users.set('newbie.renamed', { ...u, userid: 'newbie.renamed', name: '新同事（改名）', department: [5, 3], is_leader_in_dept: [0, 0], main_department: 3 });
    await push({ Event: 'change_contact', ChangeType: 'update_user', UserID: 'newbie', NewUserID: 'newbie.renamed' });
    await drainInbox(env.t.deps);
    expect(await userRow('newbie')).toBeUndefined();
    const renamed = await userRow('newbie.renamed');
    expect(renamed).toMatchObject({ id: created!.id, name: '新同事（改名）', mainDepartmentId: (await deptRow(3))!.id });
    const ms = await env.t.db.select().from(userDepartments).where(eq(userDepartments.userId, created!.id));
    expect(ms.map((x) => [x.departmentId, x.isLeader]).sort()).toEqual(
      [
        [(await deptRow(5))!.id, false],
        [(await deptRow(3))!.id, false],
      ].sort(),
    );
  });

  it('delete_user marks the user deleted and ends every session at once', async () => {
    env.emu.state.users.set('leaver', { userid: 'leaver', name: '离职同事', department: [2], is_leader_in_dept: [0], status: 1 });
    await push({ Event: 'change_contact', ChangeType: 'create_user', UserID: 'leaver' });
    await drainInbox(env.t.deps);
    const login = await env.t.api.post('/api/auth/dev-login', { wecomUserId: 'leaver' });
    expect(login.status).toBe(200);
    const api = env.t.api.as(login.body.token);
    expect((await api.get('/api/me')).body.wecomUserId).toBe('leaver');
    env.emu.state.users.delete('leaver');
    await push({ Event: 'change_contact', ChangeType: 'delete_user', UserID: 'leaver' });
    await drainInbox(env.t.deps);
    expect((await userRow('leaver'))!.status).toBe('deleted');
    expect((await api.get('/api/me')).status).toBe(401);
    expect((await env.t.api.post('/api/auth/dev-login', { wecomUserId: 'leaver' })).status).not.toBe(200);
  });

  it('create_party / update_party keep department paths right, moving a whole subtree; delete_party removes an empty department', async () => {
    await push({ Event: 'change_contact', ChangeType: 'create_party', Id: 10, Name: '华南区', ParentId: 1, Order: 10 });
    await push({ Event: 'change_contact', ChangeType: 'create_party', Id: 11, Name: '华南一组', ParentId: 10, Order: 1 });
    await push({ Event: 'change_contact', ChangeType: 'create_party', Id: 12, Name: '深圳小组', ParentId: 11, Order: 1 });
    await drainInbox(env.t.deps);
    const root = (await deptRow(1))!;
    const [d10, d11, d12] = [(await deptRow(10))!, (await deptRow(11))!, (await deptRow(12))!];
    expect(d10).toMatchObject({ name: '华南区', parentId: root.id, path: `${root.path}${d10.id}/` });
    expect(d12.path).toBe(`${root.path}${d10.id}/${d11.id}/${d12.id}/`);

    // move 华南区 (with its subtree) under 销售二部, then rename it without moving
    await push({ Event: 'change_contact', ChangeType: 'update_party', Id: 10, ParentId: 3 });
    await push({ Event: 'change_contact', ChangeType: 'update_party', Id: 10, Name: '华南大区' });
    await drainInbox(env.t.deps);
    const sales2 = (await deptRow(3))!;
    const moved = (await deptRow(10))!;
    expect(moved).toMatchObject({ name: '华南大区', parentId: sales2.id, path: `${sales2.path}${d10.id}/` });
    expect((await deptRow(11))!.path).toBe(`${sales2.path}${d10.id}/${d11.id}/`);
    expect((await deptRow(12))!.path).toBe(`${sales2.path}${d10.id}/${d11.id}/${d12.id}/`);
    expect((await deptRow(2))!.path).toBe(`${root.path}${(await deptRow(2))!.id}/`);

    await push({ Event: 'change_contact', ChangeType: 'delete_party', Id: 12 });
    await drainInbox(env.t.deps);
    expect(await deptRow(12)).toBeUndefined();
    const left = await env.t.db.select().from(departments).where(and(eq(departments.corpId, env.corp.id), inArray(departments.wecomDeptId, [10, 11])));
    expect(left).toHaveLength(2);
  });
});
