import type { WecomAppMessage } from '@scrm/shared';
import type { AppDeps } from '../http/context';
import { TOKEN_INVALID_CODES, WecomApiError, WecomTransportError, wecomError } from './errors';
import { getCachedToken, invalidateToken, tokenCacheKey, type FetchedToken } from './tokens';
import type * as T from './types';

const TIMEOUT_MS = 10_000;

/** Credentials of the self-built app; defaults come from the config (WECOM_*). */
export interface WecomAppCredentials {
  apiBase: string;
  corpId: string;
  agentId: string;
  secret: string;
}

interface CallOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Send the access token (all business APIs; not gettoken). */
  auth?: boolean;
}

/**
 * Typed WeCom server API client. Access tokens come from the shared DB cache; on 40014/42001/41001
 * the token is dropped, refreshed once and the call retried once; 40001 raises WecomConfigError,
 * 45009 WecomRateLimitError. URLs carrying tokens or secrets are never logged.
 */
export class WecomClient {
  readonly creds: WecomAppCredentials;
  constructor(
    private readonly deps: AppDeps,
    creds?: Partial<WecomAppCredentials>,
  ) {
    const c = deps.config.wecom;
    this.creds = { apiBase: c.apiBase, corpId: c.corpId, agentId: c.agentId, secret: c.secret, ...creds };
  }

  private get tokenKey() {
    return tokenCacheKey('access_token', this.creds.corpId, this.creds.secret);
  }

  /** The cached access token (refreshed ahead of expiry, single-flight). */
  accessToken(): Promise<string> {
    return getCachedToken(this.deps, 'access_token', this.tokenKey, async () => {
      const r = await this.raw<{ access_token: string; expires_in: number }>('GET', 'cgi-bin/gettoken', {
        query: { corpid: this.creds.corpId, corpsecret: this.creds.secret },
      });
      return { value: r.access_token, expiresInSeconds: r.expires_in };
    });
  }

  /** Corp JS-SDK ticket (wx.config), cached per corp. */
  jsapiTicket(): Promise<string> {
    return getCachedToken(this.deps, 'jsapi_ticket', tokenCacheKey('jsapi_ticket', this.creds.corpId), () =>
      this.ticket('cgi-bin/get_jsapi_ticket', {}),
    );
  }

  /** App JS-SDK ticket (wx.agentConfig), cached per (corp, agent). */
  agentTicket(): Promise<string> {
    return getCachedToken(this.deps, 'agent_ticket', tokenCacheKey('agent_ticket', this.creds.corpId, this.creds.agentId), () =>
      this.ticket('cgi-bin/ticket/get', { type: 'agent_config' }),
    );
  }

  private async ticket(path: string, query: Record<string, string>): Promise<FetchedToken> {
    const r = await this.call<{ ticket: string; expires_in: number }>('GET', path, { query });
    return { value: r.ticket, expiresInSeconds: r.expires_in };
  }

  /** One API call with the access token; retries once after a token error. */
  async call<R>(method: 'GET' | 'POST', path: string, opts: CallOptions = {}): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.raw<R>(method, path, { ...opts, query: { ...opts.query, access_token: token } });
      } catch (err) {
        if (attempt === 1 && err instanceof WecomApiError && TOKEN_INVALID_CODES.has(err.errcode)) {
          await invalidateToken(this.deps, this.tokenKey, token);
          continue;
        }
        throw err;
      }
    }
  }

  private async request(method: string, path: string, opts: CallOptions): Promise<Response> {
    const url = new URL(`${this.creds.apiBase}/${path}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    try {
      return await fetch(url, {
        method,
        headers: opts.body === undefined ? {} : { 'content-type': 'application/json' },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new WecomTransportError(path, err);
    }
  }

  private async raw<R>(method: string, path: string, opts: CallOptions): Promise<R> {
    const res = await this.request(method, path, opts);
    let data: { errcode?: number; errmsg?: string };
    try {
      data = (await res.json()) as typeof data;
    } catch (err) {
      throw new WecomTransportError(path, err);
    }
    if (!res.ok) throw new WecomTransportError(path, new Error(`HTTP ${res.status}`));
    if (data.errcode) {
      const error = wecomError(path, data.errcode, data.errmsg ?? '');
      this.deps.logger.warn({ path, errcode: data.errcode }, 'wecom api error');
      return Promise.reject(error);
    }
    return data as R;
  }

  // ---- sign-in -------------------------------------------------------------------------

  /** OAuth code → member `{userid}` or non-member `{openid, external_userid}`. */
  getUserInfoByCode(code: string) {
    return this.call<T.OauthUserInfo>('GET', 'cgi-bin/auth/getuserinfo', { query: { code } });
  }

  /** Mini-program login code → `{corpid, userid, session_key}`. */
  jscode2session(code: string) {
    return this.call<T.MpSession>('GET', 'cgi-bin/miniprogram/jscode2session', {
      query: { js_code: code, grant_type: 'authorization_code' },
    });
  }

  // ---- org -----------------------------------------------------------------------------

  getUser(userid: string) {
    return this.call<T.WecomUser>('GET', 'cgi-bin/user/get', { query: { userid } });
  }
  async listDepartments(id?: number): Promise<T.WecomDepartment[]> {
    const r = await this.call<{ department: T.WecomDepartment[] }>('GET', 'cgi-bin/department/list', { query: { id } });
    return r.department;
  }
  /** Members of a department (with details; `fetchChild` includes sub-departments). */
  async listUsers(departmentId: number, fetchChild = false): Promise<T.WecomUser[]> {
    const r = await this.call<{ userlist: T.WecomUser[] }>('GET', 'cgi-bin/user/list', {
      query: { department_id: departmentId, fetch_child: fetchChild ? 1 : 0 },
    });
    return r.userlist;
  }

  // ---- external contacts ---------------------------------------------------------------

  /** One external contact with every follow_user (pages through `next_cursor`). */
  async getExternalContact(externalUserId: string): Promise<T.ExternalContactDetail> {
    let cursor: string | undefined;
    let out: T.ExternalContactDetail | undefined;
    do {
      const r = await this.call<T.ExternalContactDetail & { next_cursor?: string }>('GET', 'cgi-bin/externalcontact/get', {
        query: { external_userid: externalUserId, cursor },
      });
      out = out ? { ...out, follow_user: [...out.follow_user, ...r.follow_user] } : { external_contact: r.external_contact, follow_user: r.follow_user ?? [] };
      cursor = r.next_cursor || undefined;
    } while (cursor);
    return out;
  }

  /** One page of `externalcontact/batch/get_by_user`. */
  batchGetByUser(userids: string[], cursor = '', limit = 100) {
    return this.call<T.BatchByUserPage>('POST', 'cgi-bin/externalcontact/batch/get_by_user', {
      body: { userid_list: userids, cursor, limit },
    });
  }

  async getGroupChat(chatId: string): Promise<T.GroupChat> {
    const r = await this.call<{ group_chat: T.GroupChat }>('POST', 'cgi-bin/externalcontact/groupchat/get', {
      body: { chat_id: chatId, need_name: 1 },
    });
    return r.group_chat;
  }

  /** In-service handover (takes effect after 24 h; max 2 per customer per 90 days). */
  transferCustomer(input: T.TransferInput) {
    return this.call<T.TransferResult>('POST', 'cgi-bin/externalcontact/transfer_customer', { body: input });
  }
  /** Handover of a departed employee's customers. */
  transferResignedCustomer(input: Omit<T.TransferInput, 'transfer_success_msg'>) {
    return this.call<T.TransferResult>('POST', 'cgi-bin/externalcontact/resigned/transfer_customer', { body: input });
  }

  // ---- messages ------------------------------------------------------------------------

  /** `message/send` to members of the app (the agent id is added). */
  sendMessage(toUserIds: string[], message: WecomAppMessage) {
    return this.call<T.SendMessageResult>('POST', 'cgi-bin/message/send', {
      body: { touser: toUserIds.join('|'), agentid: Number(this.creds.agentId), ...message },
    });
  }

  /** Marks a button_interaction card done (`response_code` is single-use). */
  updateTemplateCard(input: { userids: string[]; responseCode: string; replaceName: string }) {
    return this.call<{ invaliduser?: string[] }>('POST', 'cgi-bin/message/update_template_card', {
      body: {
        userids: input.userids,
        agentid: Number(this.creds.agentId),
        response_code: input.responseCode,
        button: { replace_name: input.replaceName },
      },
    });
  }

  // ---- media ---------------------------------------------------------------------------

  /** A temporary media file (e.g. a JS-SDK `uploadImage` serverId, valid 3 days). */
  async getMedia(mediaId: string): Promise<{ buffer: Buffer; contentType: string }> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const res = await this.request('GET', 'cgi-bin/media/get', { query: { access_token: token, media_id: mediaId } });
      const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
      const buffer = Buffer.from(await res.arrayBuffer());
      if (!/json|text\/plain/.test(contentType)) {
        if (!res.ok) throw new WecomTransportError('cgi-bin/media/get', new Error(`HTTP ${res.status}`));
        return { buffer, contentType };
      }
      const data = JSON.parse(buffer.toString('utf8')) as { errcode?: number; errmsg?: string };
      const err = wecomError('cgi-bin/media/get', data.errcode ?? -1, data.errmsg ?? 'not media');
      if (attempt === 1 && TOKEN_INVALID_CODES.has(err.errcode)) {
        await invalidateToken(this.deps, this.tokenKey, token);
        continue;
      }
      throw err;
    }
  }
}

/** The app's client with the configured credentials. */
export function wecomClient(deps: AppDeps, creds?: Partial<WecomAppCredentials>): WecomClient {
  return new WecomClient(deps, creds);
}
