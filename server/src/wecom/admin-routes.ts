import { and, desc, eq } from 'drizzle-orm';
import { deadLettersQuery, deadLettersResponse, replayParams, syncResponse } from '@scrm/shared';
import { z } from 'zod';
import { corps, wecomInbox, wecomOutbox } from '../db/schema/index';
import { errors } from '../http/errors';
import { defineRoute, type HandlerArgs } from '../http/route';
import { idNum, idStr } from '../lib/ids';
import { toIso } from '../lib/time';
import { toAppError } from './http-errors';
import { fullSync } from './sync';

/** The admin's own corp's WeCom id: dead letters of other corps are not theirs to see or replay. */
async function wecomCorpIdOf(args: Pick<HandlerArgs<unknown, unknown, unknown>, 'user' | 'db'>): Promise<string> {
  const [corp] = await args.db.select({ wecomCorpId: corps.wecomCorpId }).from(corps).where(eq(corps.id, args.user.corpId));
  return corp?.wecomCorpId ?? '';
}

function requireAdmin(args: Pick<HandlerArgs<unknown, unknown, unknown>, 'user' | 'deps'>) {
  if (args.user.role !== 'admin') throw errors.forbidden('仅管理员可操作企业微信集成');
}

const listDead = defineRoute({
  method: 'get',
  path: '/api/wecom/dead-letters',
  summary: 'Callback events and outbound messages that failed every retry, with the error',
  tags: ['wecom'],
  query: deadLettersQuery,
  response: deadLettersResponse,
  handler: async (args) => {
    requireAdmin(args);
    const { deps, query } = args;
    if (query.queue === 'inbox') {
      const rows = await deps.db
        .select()
        .from(wecomInbox)
        .where(and(eq(wecomInbox.wecomCorpId, await wecomCorpIdOf(args)), eq(wecomInbox.status, 'dead')))
        .orderBy(desc(wecomInbox.id))
        .limit(query.limit);
      return {
        items: rows.map((r) => ({ id: idStr(r.id), queue: 'inbox' as const, kind: r.kind, attempts: r.attempts, lastError: r.lastError, createdAt: toIso(r.receivedAt), payload: r.payload })),
        nextCursor: null,
      };
    }
    const rows = await deps.db
      .select()
      .from(wecomOutbox)
      .where(and(eq(wecomOutbox.corpId, args.user.corpId), eq(wecomOutbox.status, 'dead')))
      .orderBy(desc(wecomOutbox.id))
      .limit(query.limit);
    return {
      items: rows.map((r) => ({ id: idStr(r.id), queue: 'outbox' as const, kind: r.msgType, attempts: r.attempts, lastError: r.lastError, createdAt: toIso(r.createdAt), payload: r.message })),
      nextCursor: null,
    };
  },
});

const replay = defineRoute({
  method: 'post',
  path: '/api/wecom/dead-letters/:queue/:id/replay',
  summary: 'Queue a dead letter again with a fresh retry budget',
  tags: ['wecom'],
  params: replayParams,
  idempotent: false,
  response: z.object({ ok: z.literal(true) }),
  handler: async (args) => {
    requireAdmin(args);
    const { db, params, deps } = args;
    const id = idNum(params.id);
    const reset = { status: 'pending' as const, attempts: 0, nextAttemptAt: deps.now() };
    const res =
      params.queue === 'inbox'
        ? await db
            .update(wecomInbox)
            .set({ ...reset, lockedBy: null })
            .where(and(eq(wecomInbox.id, id), eq(wecomInbox.status, 'dead'), eq(wecomInbox.wecomCorpId, await wecomCorpIdOf(args))))
        : await db.update(wecomOutbox).set(reset).where(and(eq(wecomOutbox.id, id), eq(wecomOutbox.status, 'dead'), eq(wecomOutbox.corpId, args.user.corpId)));
    if (Number((res as unknown as [{ affectedRows: number }])[0].affectedRows) !== 1) throw errors.notFound('死信');
    await args.audit({ action: 'wecom.replay', entityType: `wecom_${params.queue}`, entityId: id });
    return { ok: true as const };
  },
});

const sync = defineRoute({
  method: 'post',
  path: '/api/wecom/sync',
  summary: 'Full resync of departments, users and external contacts from WeCom',
  tags: ['wecom'],
  transaction: false,
  idempotent: false,
  response: syncResponse,
  handler: async (args) => {
    requireAdmin(args);
    try {
      return await fullSync(args.deps, (line) => args.log.info({ progress: line }, 'wecom sync'));
    } catch (err) {
      throw toAppError(err);
    }
  },
});

export const adminRoutes = [listDead, replay, sync];
