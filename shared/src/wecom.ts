import { z } from 'zod';
import { idSchema } from './common';

/** `GET /api/wecom/jssdk-config?url=` — the page URL (anything after `#` is ignored). */
export const jssdkConfigQuery = z.object({
  url: z
    .string({ error: 'url 必须是文本' })
    .trim()
    .min(1, { error: '缺少页面 url' })
    .max(2048, { error: 'url 最多 2048 个字符' })
    .regex(/^https?:\/\/[^\s]+$/i, { error: 'url 必须是 http(s) 绝对地址' }),
});
const signature = z.object({ timestamp: z.number().int(), nonceStr: z.string(), signature: z.string() });
export const jssdkConfigResponse = z.object({
  corpId: z.string(),
  agentId: z.string(),
  config: signature,
  agentConfig: signature,
});
export type JssdkConfig = z.infer<typeof jssdkConfigResponse>;

/** Outbound app message bodies (`message/send`), as WeCom defines them. */
export interface TextMsg {
  msgtype: 'text';
  text: { content: string };
}
export interface TextCardMsg {
  msgtype: 'textcard';
  textcard: { title: string; description: string; url: string; btntxt?: string };
}
export interface TemplateCardButton {
  text: string;
  /** 1 primary … 4 per WeCom's styles. */
  style?: number;
  key: string;
}
export interface TemplateCardMsg {
  msgtype: 'template_card';
  template_card: {
    card_type: 'button_interaction' | 'text_notice' | string;
    task_id?: string;
    main_title?: { title?: string; desc?: string };
    sub_title_text?: string;
    horizontal_content_list?: { keyname: string; value?: string }[];
    button_list?: TemplateCardButton[];
    card_action?: { type: number; url?: string };
    [key: string]: unknown;
  };
}
export type WecomAppMessage = TextMsg | TextCardMsg | TemplateCardMsg;

export const QUEUE_KINDS = ['inbox', 'outbox'] as const;
export const deadLettersQuery = z.object({
  queue: z.enum(QUEUE_KINDS, { error: 'queue 只能是 inbox 或 outbox' }).default('inbox'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const deadLetter = z.object({
  id: idSchema,
  queue: z.enum(QUEUE_KINDS),
  kind: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  payload: z.unknown(),
});
export const deadLettersResponse = z.object({ items: z.array(deadLetter), nextCursor: z.string().nullable() });
export const replayParams = z.object({ queue: z.enum(QUEUE_KINDS), id: idSchema });

/** The corp setting that turns lead creation from new external contacts off. */
export const WECOM_LEAD_SETTING = 'leadFromWecomContact' as const;
/** Source name of leads created from a WeCom add. */
export const WECOM_LEAD_SOURCE = '企业微信添加' as const;

export const syncResponse = z.object({
  departments: z.number().int(),
  users: z.number().int(),
  externalContacts: z.number().int(),
  follows: z.number().int(),
});
export type SyncResult = z.infer<typeof syncResponse>;
