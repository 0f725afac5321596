import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
const post = (body: NonNullable<RequestInit['body']>, headers: Record<string, string>, who = 'rep1') =>
  fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${corp.users[who]!.token}`, ...headers }, body });

describe('uploads', () => {
  it('stores a multipart JPEG by content hash and serves it to the uploader only', async () => {
    const form = new FormData();
    form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'a.jpg');
    const res = await post(form, {});
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length, url: `/api/files/${body.id}` });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await corp.users.rep1!.api.get(body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect((await corp.users.rep2!.api.get(body.url)).status).toBe(404);
    expect((await corp.users.manager!.api.get(body.url)).status).toBe(200);
  });

  it('raw PDF bodies are accepted', async () => {
    const res = await post(Buffer.from('%PDF-1.4\n%…'), { 'content-type': 'application/pdf' });
    expect(res.status).toBe(201);
  });

  it('other types → 415 with a Chinese message; disguised content too', async () => {
    const res = await post('hello', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.message).toContain('只支持');
    const fake = await post(Buffer.from('GIF89a....'), { 'content-type': 'image/png' });
    expect(fake.status).toBe(415);
    const form = new FormData();
    form.append('file', new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'x.svg');
    expect((await post(form, {})).status).toBe(415);
  });

  it('over 10 MB → 413', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]);
    const raw = await post(big, { 'content-type': 'image/jpeg' });
    expect(raw.status).toBe(413);
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'image/jpeg' }), 'big.jpg');
    const mp = await post(form, {});
    expect(mp.status).toBe(413);
  });
});
