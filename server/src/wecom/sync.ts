import type { SyncResult } from '@scrm/shared';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { revokeUserSessions } from '../auth/sessions';
import { users } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { wecomClient } from './client';
import { ensureLocalCorp } from './corp';
import { upsertExternalContact, upsertFollow, userIdsByWecomId } from './mirror';
import { syncDepartments, upsertUser } from './org';
import type { WecomUser } from './types';

/**
 * Full resync from WeCom: departments, users (with leaders), then every employee's external
 * contacts through `batch/get_by_user` with cursor paging. Idempotent. Once every department's
 * member list came back, local users WeCom no longer lists are marked deleted and lose their
 * sessions; a failed listing throws before that, so nobody is deleted on partial data.
 */
export async function fullSync(deps: AppDeps, onProgress: (line: string) => void = () => {}): Promise<SyncResult> {
  const client = wecomClient(deps);
  const corpId = await ensureLocalCorp(deps.db, deps, deps.config.wecom.corpId);
  const depts = await client.listDepartments();
  await deps.db.transaction((tx) => syncDepartments(tx, corpId, depts));
  onProgress(`部门 ${depts.length} 个已同步`);

  // Only users that existed before the listing can be missing from it (not one a callback adds meanwhile).
  const known = await deps.db
    .select({ id: users.id, wecomUserId: users.wecomUserId })
    .from(users)
    .where(and(eq(users.corpId, corpId), ne(users.status, 'deleted')));
  const members = new Map<string, WecomUser>();
  for (const d of depts) for (const u of await client.listUsers(d.id)) members.set(u.userid, u);
  let n = 0;
  for (const u of members.values()) {
    await deps.db.transaction((tx) => upsertUser(tx, deps, corpId, u));
    if (++n % 50 === 0 || n === members.size) onProgress(`成员 ${n}/${members.size}`);
  }
  // An empty listing means no visibility (misconfigured app), not an empty corp: delete nobody.
  const gone = members.size ? known.filter((u) => !members.has(u.wecomUserId)).map((u) => u.id) : [];
  if (gone.length) {
    await deps.db.transaction(async (tx) => {
      await tx.update(users).set({ status: 'deleted' }).where(inArray(users.id, gone));
      for (const id of gone) await revokeUserSessions(deps, tx, id);
    });
    onProgress(`已标记离开企业微信的成员 ${gone.length} 个`);
  }

  const userids = [...members.values()].filter((u) => (u.status ?? 1) === 1).map((u) => u.userid);
  const seen = new Set<string>();
  let follows = 0;
  for (let i = 0; i < userids.length; i += 100) {
    const chunk = userids.slice(i, i + 100);
    let cursor = '';
    do {
      const page = await client.batchGetByUser(chunk, cursor, 100);
      await deps.db.transaction(async (tx) => {
        const ids = await userIdsByWecomId(tx, corpId, page.external_contact_list.map((e) => e.follow_info.userid));
        for (const item of page.external_contact_list) {
          const { id } = await upsertExternalContact(tx, corpId, item.external_contact);
          await upsertFollow(tx, corpId, id, item.follow_info, ids.get(item.follow_info.userid));
          seen.add(item.external_contact.external_userid);
          follows++;
        }
      });
      cursor = page.next_cursor ?? '';
      onProgress(`外部联系人 ${seen.size} 个，跟进关系 ${follows} 条`);
    } while (cursor);
  }
  return { departments: depts.length, users: members.size, externalContacts: seen.size, follows };
}
