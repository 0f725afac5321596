import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getSignature } from '@wecom/crypto';
import { buildXml, sealCallback } from '../crypto';
import type { FollowUser } from '../types';
import { emptyState, seedDemoState, type EmulatorState } from './state';

export type { EmulatorState };

export interface EmulatorOptions {
  port?: number;
  host?: string;
  corpId: string;
  corpSecret: string;
  token: string;
  encodingAesKey: string;
  agentId: string;
  /** Where `pushEvent` posts (the server's `/wecom/callback`). */
  callbackUrl?: string;
  /** Seed the demo org and chat partners. */
  seedDemo?: boolean;
  /** Access token lifetime in seconds (default 7200). */
  tokenTtlSeconds?: number;
  /** Largest page `batch/get_by_user` returns whatever limit is asked (default 100, WeCom's maximum); small values prove cursor paging. */
  pageLimit?: number;
}

export interface WecomEmulator {
  url: string;
  state: EmulatorState;
  /** Calls per API path, e.g. `counters['cgi-bin/gettoken']`. */
  counters: Record<string, number>;
  /** Every API call in arrival order (path and query string, access_token left out), to count calls per argument. */
  calls: { path: string; query: Record<string, string> }[];
  /** Encrypts, signs and POSTs a callback to `callbackUrl`; fields default ToUserName/CreateTime/MsgType. */
  pushEvent(fields: Record<string, string | number>, callbackUrl?: string): Promise<{ status: number; body: string; xml: string }>;
  /** Makes every issued access token answer 42001 (expired) on its next use. */
  expireTokens(): void;
  /** The next `count` calls of `path` answer `errcode` (e.g. 45009). */
  failNext(path: string, errcode: number, count?: number): void;
  /** Adds an external contact followed by `userid` (no callback; call pushEvent for that). */
  addExternalContact(input: { userid: string; name: string; corpName?: string; externalUserId?: string; state?: string }): string;
  /** A single-use OAuth code for a member, or for a non-member when `userid` is omitted. */
  issueOauthCode(userid?: string): string;
  issueMpCode(userid: string): string;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  0: 'ok',
  40001: 'invalid credential',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  41001: 'access_token missing',
  42001: 'access_token expired',
  40029: 'invalid code',
  40003: 'invalid userid',
  60111: 'userid not found',
  60123: 'invalid party id',
  84061: 'not external contact',
  40128: 'customer transfer too frequent',
  45009: 'api freq out of limit',
  40058: 'invalid parameter',
  40059: 'invalid response_code',
};

/** Starts an emulator of the WeCom server API (real paths, JSON shapes, errcodes) on a local port. */
export async function startWecomEmulator(opts: EmulatorOptions): Promise<WecomEmulator> {
  const state = emptyState();
  if (opts.seedDemo) seedDemoState(state);
  const counters: Record<string, number> = {};
  const calls: WecomEmulator['calls'] = [];
  const tokens = new Map<string, number>();
  const faults = new Map<string, { errcode: number; count: number }>();
  const ttl = opts.tokenTtlSeconds ?? 7200;
  const rnd = () => randomBytes(12).toString('base64url');

  const ok = (data: Record<string, unknown> = {}) => ({ errcode: 0, errmsg: 'ok', ...data });
  const fail = (errcode: number) => ({ errcode, errmsg: ERRMSG[errcode] ?? 'error' });

  function checkToken(q: URLSearchParams): number {
    const t = q.get('access_token');
    if (!t) return 41001;
    const exp = tokens.get(t);
    if (exp === undefined) return 40014;
    if (exp <= Date.now()) return 42001;
    return 0;
  }

  function followView(f: FollowUser) {
    return { ...f, tags: f.tags ?? [], remark_mobiles: f.remark_mobiles ?? [] };
  }

  async function handle(path: string, q: URLSearchParams, body: Record<string, any>): Promise<unknown> {
    if (path === 'cgi-bin/gettoken') {
      if (q.get('corpid') !== opts.corpId) return fail(40013);
      if (q.get('corpsecret') !== opts.corpSecret) return fail(40001);
      const t = rnd();
      tokens.set(t, Date.now() + ttl * 1000);
      return ok({ access_token: t, expires_in: ttl });
    }
    const tokenErr = checkToken(q);
    if (tokenErr) return fail(tokenErr);
    switch (path) {
      case 'cgi-bin/get_jsapi_ticket':
        return ok({ ticket: `corp_${rnd()}`, expires_in: 7200 });
      case 'cgi-bin/ticket/get':
        if (q.get('type') !== 'agent_config') return fail(40058);
        return ok({ ticket: `agent_${rnd()}`, expires_in: 7200 });
      case 'cgi-bin/auth/getuserinfo': {
        const code = q.get('code') ?? '';
        const who = state.oauthCodes.get(code);
        if (!who) return fail(40029);
        state.oauthCodes.delete(code);
        return ok({ ...who });
      }
      case 'cgi-bin/miniprogram/jscode2session': {
        const code = q.get('js_code') ?? '';
        const userid = state.mpCodes.get(code);
        if (!userid) return fail(40029);
        state.mpCodes.delete(code);
        return ok({ corpid: opts.corpId, userid, session_key: rnd() });
      }
      case 'cgi-bin/user/get': {
        const u = state.users.get(q.get('userid') ?? '');
        return u ? ok({ ...u }) : fail(60111);
      }
      case 'cgi-bin/department/list': {
        const id = q.get('id');
        if (!id) return ok({ department: state.departments });
        const root = Number(id);
        if (!state.departments.some((d) => d.id === root)) return fail(60123);
        const out = new Set([root]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const d of state.departments) if (out.has(d.parentid) && !out.has(d.id)) (out.add(d.id), (grew = true));
        }
        return ok({ department: state.departments.filter((d) => out.has(d.id)) });
      }
      case 'cgi-bin/user/list': {
        const dept = Number(q.get('department_id'));
        if (!state.departments.some((d) => d.id === dept)) return fail(60123);
        return ok({ userlist: [...state.users.values()].filter((u) => u.department.includes(dept)) });
      }
      case 'cgi-bin/externalcontact/get': {
        const c = state.externalContacts.get(q.get('external_userid') ?? '');
        if (!c) return fail(84061);
        return ok({ external_contact: c.external_contact, follow_user: c.follow_user.map(followView), next_cursor: '' });
      }
      case 'cgi-bin/externalcontact/batch/get_by_user': {
        const ids: string[] = body.userid_list ?? [];
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) return fail(40058);
        const limit = Math.min(Number(body.limit) || 50, 100, opts.pageLimit ?? 100);
        const all = [...state.externalContacts.values()].flatMap((c) =>
          c.follow_user.filter((f) => ids.includes(f.userid)).map((f) => ({ external_contact: c.external_contact, follow_info: followView(f) })),
        );
        const start = body.cursor ? Number(Buffer.from(String(body.cursor), 'base64url').toString()) : 0;
        const page = all.slice(start, start + limit);
        const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
        return ok({ external_contact_list: page, next_cursor: next });
      }
      case 'cgi-bin/externalcontact/groupchat/get': {
        const g = state.groupChats.get(String(body.chat_id ?? ''));
        return g ? ok({ group_chat: g }) : fail(40058);
      }
      case 'cgi-bin/externalcontact/transfer_customer':
      case 'cgi-bin/externalcontact/resigned/transfer_customer': {
        const kind = path.includes('resigned') ? 'resigned' : 'in_service';
        const list: string[] = body.external_userid ?? [];
        const since = Date.now() - 90 * 86400_000;
        const customer = list.map((ext) => {
          const c = state.externalContacts.get(ext);
          if (!c || !c.follow_user.some((f) => f.userid === body.handover_userid)) return { external_userid: ext, errcode: 84061 };
          const recent = state.transfers.filter((t) => t.externalUserId === ext && t.at >= since).length;
          if (kind === 'in_service' && recent >= 2) return { external_userid: ext, errcode: 40128 };
          state.transfers.push({ kind, handover: body.handover_userid, takeover: body.takeover_userid, externalUserId: ext, at: Date.now() });
          return { external_userid: ext, errcode: 0 };
        });
        return ok({ customer });
      }
      case 'cgi-bin/message/send': {
        const msgid = rnd();
        const responseCode = body.msgtype === 'template_card' ? `rc_${rnd()}` : undefined;
        state.messages.push({ body, msgid, responseCode });
        return ok({ invaliduser: '', msgid, ...(responseCode ? { response_code: responseCode } : {}) });
      }
      case 'cgi-bin/message/update_template_card': {
        const used = state.cardUpdates.some((u) => u.response_code === body.response_code);
        const known = state.messages.some((m) => m.responseCode === body.response_code);
        if (!known || used) return fail(40059);
        state.cardUpdates.push(body);
        return ok({ invaliduser: [] });
      }
      default:
        return { errcode: 404, errmsg: `emulator: unknown path ${path}` };
    }
  }

  /** Control API for the demo CLI (`npm run wecom:simulate`) talking to a running emulator. */
  async function control(path: string, chunks: Buffer[], res: ServerResponse) {
    let out: unknown = { ok: false, error: 'unknown control path' };
    let status = 404;
    try {
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>) : {};
      if (path === '_emulator/add-contact') {
        if (!state.users.has(String(body.userid))) throw new Error(`unknown employee ${String(body.userid)}`);
        const id = emulator.addExternalContact({ userid: body.userid, name: body.name, corpName: body.corpName, state: body.state });
        const pushed = await emulator.pushEvent({
          Event: 'change_external_contact',
          ChangeType: 'add_external_contact',
          UserID: String(body.userid),
          ExternalUserID: id,
          State: String(body.state ?? ''),
          WelcomeCode: randomBytes(8).toString('hex'),
        });
        out = { ok: pushed.status === 200, externalUserId: id, callbackStatus: pushed.status };
        status = 200;
      } else if (path === '_emulator/push') {
        const pushed = await emulator.pushEvent(body.fields ?? {});
        out = { ok: pushed.status === 200, callbackStatus: pushed.status };
        status = 200;
      } else if (path === '_emulator/counters') {
        out = counters;
        status = 200;
      }
    } catch (err) {
      out = { ok: false, error: err instanceof Error ? err.message : String(err) };
      status = 400;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(out));
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const u = new URL(req.url ?? '/', 'http://emulator');
        const path = u.pathname.replace(/^\/+/, '');
        if (path.startsWith('_emulator/')) return control(path, chunks, res);
        counters[path] = (counters[path] ?? 0) + 1;
        const query = Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'access_token' && k !== 'corpsecret'));
        calls.push({ path, query });
        if (path === 'cgi-bin/media/get' && !checkToken(u.searchParams)) {
          const m = state.media.get(u.searchParams.get('media_id') ?? '');
          if (m) {
            res.writeHead(200, { 'content-type': m.contentType, 'content-length': m.buffer.length });
            res.end(m.buffer);
            return;
          }
        }
        let body: Record<string, any> = {};
        try {
          body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>) : {};
        } catch {
          /* WeCom answers bad JSON with 47001 */
          body = { __invalid: true };
        }
        const fault = faults.get(path);
        let out: unknown;
        if (fault && fault.count > 0) {
          fault.count--;
          out = fail(fault.errcode);
        } else if (body.__invalid) out = { errcode: 47001, errmsg: 'data format error' };
        else if (path === 'cgi-bin/media/get') out = checkToken(u.searchParams) ? fail(checkToken(u.searchParams)) : fail(40007);
        else out = await handle(path, u.searchParams, body);
        const text = JSON.stringify(out);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const url = `http://${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const keys = { token: opts.token, encodingAesKey: opts.encodingAesKey, corpId: opts.corpId, agentId: opts.agentId };

  const emulator: WecomEmulator = {
    url,
    state,
    counters,
    calls,
    async pushEvent(fields, callbackUrl = opts.callbackUrl) {
      if (!callbackUrl) throw new Error('emulator: no callbackUrl to push to');
      const xml = buildXml({ ToUserName: opts.corpId, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', ...fields });
      const sealed = sealCallback(keys, xml);
      const res = await fetch(`${callbackUrl}?${sealed.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: sealed.body });
      return { status: res.status, body: await res.text(), xml };
    },
    expireTokens() {
      for (const t of tokens.keys()) tokens.set(t, 0);
    },
    failNext(path, errcode, count = 1) {
      faults.set(path, { errcode, count });
    },
    addExternalContact(input) {
      const id = input.externalUserId ?? `wm${randomBytes(10).toString('hex')}`;
      const existing = state.externalContacts.get(id);
      const follow: FollowUser = { userid: input.userid, remark: '', createtime: Math.floor(Date.now() / 1000), add_way: 1, state: input.state ?? '', tags: [] };
      if (existing) existing.follow_user = [...existing.follow_user.filter((f) => f.userid !== input.userid), follow];
      else
        state.externalContacts.set(id, {
          external_contact: { external_userid: id, name: input.name, type: 1, corp_name: input.corpName, gender: 0 },
          follow_user: [follow],
        });
      return id;
    },
    issueOauthCode(userid) {
      const code = rnd();
      state.oauthCodes.set(code, userid ? { userid } : { openid: `o${rnd()}`, external_userid: `wm${rnd()}` });
      return code;
    },
    issueMpCode(userid) {
      const code = rnd();
      state.mpCodes.set(code, userid);
      return code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return emulator;
}

/** Signature helper for URL verification requests (GET echostr). */
export { getSignature };
