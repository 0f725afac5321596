import { createHash, randomBytes } from 'node:crypto';
import { jssdkConfigQuery, jssdkConfigResponse } from '@scrm/shared';
import { defineRoute } from '../http/route';
import { wecomClient } from './client';
import { toAppError } from './http-errors';

/** JS-SDK signature (doc 90506): sha1 of `jsapi_ticket=T&noncestr=N&timestamp=TS&url=URL`, URL without `#…`. */
export function jsapiSignature(ticket: string, nonceStr: string, timestamp: number | string, url: string): string {
  const clean = url.split('#')[0]!;
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${clean}`).digest('hex');
}

const jssdkConfig = defineRoute({
  method: 'get',
  path: '/api/wecom/jssdk-config',
  summary: 'wx.config and wx.agentConfig signatures for the exact page URL',
  tags: ['wecom'],
  query: jssdkConfigQuery,
  response: jssdkConfigResponse,
  handler: async ({ deps, query }) => {
    const client = wecomClient(deps);
    let tickets: [string, string];
    try {
      tickets = await Promise.all([client.jsapiTicket(), client.agentTicket()]);
    } catch (err) {
      throw toAppError(err);
    }
    const timestamp = Math.floor(deps.now().getTime() / 1000);
    const sign = (ticket: string) => {
      const nonceStr = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
      return { timestamp, nonceStr, signature: jsapiSignature(ticket, nonceStr, timestamp, query.url) };
    };
    return { corpId: deps.config.wecom.corpId, agentId: deps.config.wecom.agentId, config: sign(tickets[0]), agentConfig: sign(tickets[1]) };
  },
});

export const jssdkRoutes = [jssdkConfig];
