import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileResponse } from '@scrm/shared';
import { makeCorp, startTestServer } from '../harness';
import { startWecomEnv, type WecomEnv } from '../wecom/env';

let env: WecomEnv;
beforeAll(async () => {
  env = await startWecomEnv();
});
afterAll(async () => env.close());

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from('%PDF-1.4\n%wecom\n');
const u = (k: string) => env.corp.users[k]!;
const media = (id: string, buffer: Buffer, contentType = 'image/jpeg') => env.emu.state.media.set(id, { buffer, contentType });
const fromWecom = (mediaId: unknown, who = 'rep1') => u(who).api.post('/api/files/wecom-media', { mediaId });

describe('POST /api/files/wecom-media', () => {
  it('stores a JS-SDK upload fetched from WeCom with the same answer as POST /api/files, served to the uploader', async () => {
    media('srv-photo-1', JPEG);
    const res = await fromWecom('srv-photo-1');
    expect(res.status).toBe(201);
    const body = fileResponse.parse(res.body);
    expect(body).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length, url: `/api/files/${body.id}` });
    const got = await u('rep1').api.get(body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('etag')).toBe(`"${body.sha256}"`);
    expect((await u('rep2').api.get(body.url)).status).toBe(404);
    expect(env.emu.counters['cgi-bin/media/get']).toBeGreaterThanOrEqual(1);
  });

  it('PDFs pass like any upload; the bytes decide the type, not WeCom\'s Content-Type', async () => {
    media('srv-pdf', PDF, 'application/octet-stream');
    const res = await fromWecom('srv-pdf');
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('application/pdf');
  });

  it('other types → 415 and over 10 MB → 413, as for POST /api/files', async () => {
    media('srv-gif', Buffer.from('GIF89a......'), 'image/gif');
    const gif = await fromWecom('srv-gif');
    expect(gif.status).toBe(415);
    expect(gif.body.error.message).toContain('只支持');
    media('srv-big', Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]));
    const big = await fromWecom('srv-big');
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('10 MB');
  });

  it('an unknown or expired serverId → 400 wecom_media_expired saying media lasts 3 days', async () => {
    const res = await fromWecom('srv-gone-after-3-days');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('wecom_media_expired');
    expect(res.body.error.message).toContain('3 天');
  });

  it('WeCom errors: frequency limit → 429, other errcodes → 502 with a Chinese message', async () => {
    env.emu.failNext('cgi-bin/media/get', 45009);
    const limited = await fromWecom('srv-any-1');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('wecom_rate_limited');
    env.emu.failNext('cgi-bin/media/get', 40058);
    const bad = await fromWecom('srv-any-2');
    expect(bad.status).toBe(502);
    expect(bad.body.error.code).toBe('wecom_error');
    expect(bad.body.error.message).toContain('错误码 40058');
  });

  it('WeCom unreachable → 502 wecom_unavailable', async () => {
    const down = await startTestServer({ WECOM_API_BASE: 'http://127.0.0.1:1', WECOM_CORP_ID: env.corp.wecomCorpId, WECOM_SECRET: 'test-secret', SESSION_SECRET: 'x'.repeat(32) });
    try {
      const corp = await makeCorp(down);
      const res = await corp.users.rep1!.api.post('/api/files/wecom-media', { mediaId: 'srv-photo-1' });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('wecom_unavailable');
      expect(res.body.error.message).toContain('企业微信');
    } finally {
      await down.close();
    }
  });

  it('a missing mediaId is a 400 naming the field; no session → 401', async () => {
    const res = await fromWecom('  ');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.mediaId' });
    expect((await env.t.api.post('/api/files/wecom-media', { mediaId: 'x' })).status).toBe(401);
  });
});
