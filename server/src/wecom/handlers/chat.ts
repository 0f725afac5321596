import { and, eq } from 'drizzle-orm';
import { wecomGroupChats } from '../../db/schema/index';
import { wecomClient } from '../client';
import { onWecomEvent, onWecomPrefetch, type WecomEvent } from '../events';
import { userIdsByWecomId } from '../mirror';

/** The chat's `groupchat/get`, fetched before the event's transaction and memoised for the attempt. */
const chatOf = (ev: Pick<WecomEvent, 'deps' | 'payload' | 'remote'>) => {
  const chatId = String(ev.payload.ChatId ?? '');
  const get = () => wecomClient(ev.deps).getGroupChat(chatId);
  return ev.remote ? ev.remote(`groupchat/get:${chatId}`, get) : get();
};

onWecomPrefetch('change_external_chat', async (ev) => {
  if (ev.payload.ChatId && ev.payload.ChangeType !== 'dismiss') await chatOf(ev).catch(() => undefined);
});

/** change_external_chat: mirror the group (name, owner, members); dismiss marks it, nothing is deleted. */
onWecomEvent('change_external_chat', async (ev) => {
  const chatId = String(ev.payload.ChatId ?? '');
  if (!chatId) return;
  if (ev.payload.ChangeType === 'dismiss') {
    await ev.db
      .insert(wecomGroupChats)
      .values({ corpId: ev.corpId, chatId, members: [], dismissedAt: ev.deps.now() })
      .onDuplicateKeyUpdate({ set: { dismissedAt: ev.deps.now() } });
    return;
  }
  const g = await chatOf(ev);
  const owner = (await userIdsByWecomId(ev.db, ev.corpId, [g.owner])).get(g.owner) ?? null;
  const set = {
    name: (g.name ?? '').slice(0, 200),
    ownerWecomUserId: g.owner,
    ownerUserId: owner,
    members: g.member_list.map((m) => ({ userid: m.userid, type: m.type, joinTime: m.join_time, name: m.name })),
    dismissedAt: null,
  };
  const [existing] = await ev.db.select({ id: wecomGroupChats.id }).from(wecomGroupChats).where(and(eq(wecomGroupChats.corpId, ev.corpId), eq(wecomGroupChats.chatId, chatId)));
  if (existing) await ev.db.update(wecomGroupChats).set(set).where(eq(wecomGroupChats.id, existing.id));
  else await ev.db.insert(wecomGroupChats).values({ corpId: ev.corpId, chatId, ...set });
});
