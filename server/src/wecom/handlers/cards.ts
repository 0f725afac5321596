import { and, eq } from 'drizzle-orm';
import { wecomOutbox } from '../../db/schema/index';
import { cardHandlerFor, onWecomEvent } from '../events';

/** template_card_event: routed to the module that sent the card (outbox source, else task_id prefix). */
onWecomEvent('template_card_event', async (ev) => {
  const taskId = String(ev.payload.TaskId ?? '');
  const [sent] = taskId
    ? await ev.db
        .select({ module: wecomOutbox.sourceModule, ref: wecomOutbox.sourceRef })
        .from(wecomOutbox)
        .where(and(eq(wecomOutbox.corpId, ev.corpId), eq(wecomOutbox.taskId, taskId)))
        .limit(1)
    : [];
  const handler = cardHandlerFor(taskId, sent?.module ?? null);
  if (!handler) {
    ev.deps.logger.warn({ taskId }, 'template_card_event with no registered module');
    return;
  }
  await handler({
    ...ev,
    taskId,
    eventKey: String(ev.payload.EventKey ?? ''),
    responseCode: ev.payload.ResponseCode ? String(ev.payload.ResponseCode) : null,
    fromWecomUserId: String(ev.payload.FromUserName ?? ''),
    source: sent?.module ? { module: sent.module, ref: sent.ref ?? '' } : null,
  });
});
