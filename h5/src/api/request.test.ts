import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeUni, type FakeUni } from '@/test/fake-uni';
import { ApiError, toApiError } from './errors';
import { buildUrl, onUnauthorized, request } from './request';
import { setToken } from './token';

describe('toApiError', () => {
  it('keeps the code, message and details of the server error body', () => {
    const error = toApiError(400, {
      error: { code: 'validation_failed', message: '请检查输入', details: [{ path: 'name', message: '请填写名称' }] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: '请检查输入',
      details: [{ path: 'name', message: '请填写名称' }],
    });
  });

  it('parses an error body that arrived as text', () => {
    const error = toApiError(409, '{"error":{"code":"claim_cap_reached","message":"今日领取已达上限"}}');
    expect(error.code).toBe('claim_cap_reached');
    expect(error.message).toBe('今日领取已达上限');
  });

  it('falls back to a code from the status when the body is not the contract shape', () => {
    expect(toApiError(401, '<html>Unauthorized</html>').code).toBe('unauthenticated');
    expect(toApiError(404, undefined).code).toBe('not_found');
    expect(toApiError(503, { message: 'down' }).code).toBe('service_unavailable');
    expect(toApiError(502, null).code).toBe('server_error');
    expect(toApiError(418, {}).code).toBe('http_error');
    expect(toApiError(502, null).message).toBe('HTTP 502');
  });
});

describe('buildUrl', () => {
  it('encodes the query and drops empty values', () => {
    expect(buildUrl('/api/customers', { scope: 'team', q: '华为 科技', cursor: undefined, limit: 20, owner: '' })).toBe(
      '/api/customers?scope=team&q=%E5%8D%8E%E4%B8%BA%20%E7%A7%91%E6%8A%80&limit=20',
    );
    expect(buildUrl('/api/me')).toBe('/api/me');
  });
});

describe('request', () => {
  let fake: FakeUni;
  beforeEach(() => {
    fake = installFakeUni();
  });
  afterEach(() => {
    onUnauthorized(undefined);
    vi.unstubAllGlobals();
  });

  it('sends the stored token as a bearer header and resolves with the body', async () => {
    setToken('tok-123');
    fake.answer = () => ({ statusCode: 200, data: { id: '1', name: '演示销售1' } });
    await expect(request('/api/me')).resolves.toEqual({ id: '1', name: '演示销售1' });
    expect(fake.requests[0]?.header).toMatchObject({ Authorization: 'Bearer tok-123' });
    expect(fake.requests[0]?.method).toBe('GET');
  });

  it('sends no Authorization header without a token (the H5 cookie session still works)', async () => {
    await request('/api/app-info');
    expect(fake.requests[0]?.header).not.toHaveProperty('Authorization');
  });

  it('sends JSON bodies on writes', async () => {
    await request('/api/auth/dev-login', { method: 'POST', body: { wecomUserId: 'demo.rep1' } });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', data: { wecomUserId: 'demo.rep1' } });
    expect(fake.requests[0]?.header).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('rejects any non-2xx answer with a typed ApiError', async () => {
    fake.answer = () => ({ statusCode: 409, data: { error: { code: 'conflict', message: '已被他人领取', details: { ownerId: '7' } } } });
    const error = await request('/api/leads/1/actions/claim', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: '已被他人领取', details: { ownerId: '7' } });
  });

  it('reports a request that got no answer as status 0', async () => {
    fake.answer = () => ({ fail: 'request:fail timeout' });
    await expect(request('/api/me')).rejects.toMatchObject({ status: 0, code: 'timeout' });
    fake.answer = () => ({ fail: 'request:fail net::ERR_CONNECTION_REFUSED' });
    await expect(request('/api/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('calls the unauthorized hook on 401 only', async () => {
    const seen: ApiError[] = [];
    onUnauthorized((e) => seen.push(e));
    fake.answer = () => ({ statusCode: 403, data: { error: { code: 'forbidden', message: '无权访问' } } });
    await request('/api/customers/9').catch(() => undefined);
    expect(seen).toHaveLength(0);
    fake.answer = () => ({ statusCode: 401, data: { error: { code: 'unauthenticated', message: '请先登录' } } });
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(seen.map((e) => e.code)).toEqual(['unauthenticated']);
  });
});
