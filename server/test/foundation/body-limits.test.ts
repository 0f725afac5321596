import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@scrm/shared';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
const rep = () => corp.users.rep1!;

beforeAll(async () => {
  t = await startTestServer();
  corp = await makeCorp(t);
});
afterAll(async () => t.close());

/** What the client got: `"<status> <error code>"`, or the socket error code (e.g. ECONNRESET, EPIPE). */
type Outcome = string;

/**
 * POSTs `body` with node's http client (fetch cannot show a reset, nor send a declared-length
 * body in one go): with Content-Length, or chunked when `chunked` (no Content-Length).
 * Writes the whole body like a real client would, and reads the answer while still writing.
 */
function rawPost(path: string, body: Buffer, opts: { chunked?: boolean; token?: string } = {}): Promise<{ outcome: Outcome; status?: number; json?: any; headers?: Record<string, unknown> }> {
  const url = new URL(t.url + path);
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: { outcome: Outcome; status?: number; json?: any; headers?: Record<string, unknown> }) => {
      if (!settled) {
        settled = true;
        resolve(v);
      }
    };
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (!opts.chunked) headers['content-length'] = body.length;
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('error', (err: NodeJS.ErrnoException) => done({ outcome: err.code ?? err.message }));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        done({ outcome: `${res.statusCode} ${json?.error?.code ?? ''}`.trim(), status: res.statusCode, json, headers: res.headers });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => done({ outcome: err.code ?? err.message }));
    // Write in 64 KB pieces, as a streaming client does.
    const piece = 64 * 1024;
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + piece);
        offset += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/**
 * A client that sends the whole request before it reads anything (as most SDKs do), over a raw
 * socket: the outcome is the status line, or the socket error code when sending or reading failed
 * (EPIPE/ECONNRESET: the server closed while the body was still coming).
 */
function sendAllThenRead(path: string, body: Buffer, opts: { chunked?: boolean; token?: string } = {}): Promise<Outcome> {
  const url = new URL(t.url);
  return new Promise((resolve) => {
    const sock = connect(Number(url.port), url.hostname);
    let got = '';
    let finished = false;
    const finish = (v: string) => {
      if (!finished) {
        finished = true;
        sock.destroy();
        resolve(v);
      }
    };
    sock.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
    sock.on('end', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(got)?.[1];
      const json = got.slice(got.indexOf('\r\n\r\n') + 4);
      let code = '';
      try {
        code = JSON.parse(json).error?.code ?? '';
      } catch {
        code = 'unparsable';
      }
      finish(status ? `${status} ${code}`.trim() : 'empty');
    });
    sock.pause();
    const auth = opts.token ? `Authorization: Bearer ${opts.token}\r\n` : '';
    const framing = opts.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`;
    sock.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\n${auth}Content-Type: application/json\r\n${framing}\r\n\r\n`);
    let payload = body;
    if (opts.chunked) {
      const parts: Buffer[] = [];
      for (let o = 0; o < body.length; o += 64 * 1024) {
        const c = body.subarray(o, o + 64 * 1024);
        parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from('0\r\n\r\n'));
      payload = Buffer.concat(parts);
    }
    sock.write(payload, (err) => {
      if (err) return finish((err as NodeJS.ErrnoException).code ?? err.message);
      sock.on('data', (d: Buffer) => (got += d.toString('utf8')));
      sock.resume();
    });
  });
}

/** A JSON customer-create body of about `bytes` bytes. */
function bigJson(bytes: number): Buffer {
  return Buffer.from(JSON.stringify({ name: '超大请求体测试', padding: 'x'.repeat(bytes) }), 'utf8');
}

async function customerCount(): Promise<number> {
  const res = await rep().api.get('/api/customers?scope=mine&limit=100');
  expect(res.status).toBe(200);
  return res.body.items.length;
}

describe('oversized bodies get a readable 413, not a reset', () => {
  it('2 MB with Content-Length → 413 payload_too_large, 20 times out of 20', async () => {
    const body = bigJson(2 * 1024 * 1024);
    expect(body.length).toBeGreaterThan(LIMITS.jsonBodyBytes);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) outcomes.push((await rawPost('/api/customers', body, { token: rep().token })).outcome);
    expect(outcomes).toEqual(Array(20).fill('413 payload_too_large'));
  });

  it('2 MB chunked (no Content-Length) → 413 payload_too_large, 20 times out of 20', async () => {
    const body = bigJson(2 * 1024 * 1024);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) outcomes.push((await rawPost('/api/customers', body, { chunked: true, token: rep().token })).outcome);
    expect(outcomes).toEqual(Array(20).fill('413 payload_too_large'));
  });

  // 2 MB fits in loopback socket buffers, so the old code's early answer rarely showed there; a
  // larger body sent in full before reading reset 20 times out of 20 (EPIPE) before the fix.
  it('8 MB sent in full before reading → 413 payload_too_large, 20 times out of 20', async () => {
    const body = bigJson(8 * 1024 * 1024);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) outcomes.push(await sendAllThenRead('/api/customers', body, { token: rep().token }));
    expect(outcomes).toEqual(Array(20).fill('413 payload_too_large'));
  });

  it('8 MB chunked, sent in full before reading → 413 payload_too_large, 20 times out of 20', async () => {
    const body = bigJson(8 * 1024 * 1024);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) outcomes.push(await sendAllThenRead('/api/customers', body, { chunked: true, token: rep().token }));
    expect(outcomes).toEqual(Array(20).fill('413 payload_too_large'));
  });

  it('the 413 is in the error shape, closes the connection, and creates nothing', async () => {
    const before = await customerCount();
    const res = await rawPost('/api/customers', bigJson(2 * 1024 * 1024), { token: rep().token });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
    expect(res.headers?.connection).toBe('close');
    expect(await customerCount()).toBe(before);
  });

  it('a body just under the limit is still read', async () => {
    const body = bigJson(LIMITS.jsonBodyBytes - 1024);
    expect(body.length).toBeLessThanOrEqual(LIMITS.jsonBodyBytes);
    const res = await rawPost('/api/customers', body, { token: rep().token });
    expect(res.outcome).not.toMatch(/^413|^E/);
  });

  it('a client that keeps sending far past the drain cap is cut off without hanging the server', async () => {
    // Declares 64 MB and streams it: the server may give up on it (reset) — but must stay healthy.
    const url = new URL(t.url);
    const outcome = await new Promise<string>((resolve) => {
      const sock = connect(Number(url.port), url.hostname);
      let got = '';
      let finished = false;
      const finish = (v: string) => {
        if (!finished) {
          finished = true;
          sock.destroy();
          resolve(v);
        }
      };
      sock.on('data', (d) => (got += d.toString('latin1')));
      sock.on('error', (err: NodeJS.ErrnoException) => finish(got ? got.split('\r\n')[0]! : (err.code ?? 'error')));
      sock.on('close', () => finish(got ? got.split('\r\n')[0]! : 'closed'));
      sock.on('connect', () => {
        sock.write(
          `POST /api/customers HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${rep().token}\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`,
        );
        const chunk = Buffer.alloc(256 * 1024, 0x78);
        let sent = 0;
        const pump = () => {
          while (!finished && sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!sock.write(chunk)) {
              sock.once('drain', pump);
              return;
            }
          }
        };
        pump();
      });
    });
    expect(outcome).toMatch(/^(HTTP\/1\.1 413|ECONNRESET|EPIPE|closed)/);
    expect((await t.api.get('/healthz')).status).toBe(200);
  });
});

describe('request bodies must be valid UTF-8', () => {
  it('invalid UTF-8 bytes → 400 invalid_encoding, nothing created', async () => {
    const before = await customerCount();
    // {"name":"<FF FE>"}
    const body = Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await rawPost('/api/customers', body, { token: rep().token });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'invalid_encoding', message: '请求体不是合法的 UTF-8 编码' } });
    expect(await customerCount()).toBe(before);
  });

  it('a truncated multi-byte sequence → 400 invalid_encoding', async () => {
    const full = Buffer.from(JSON.stringify({ name: '客户' }), 'utf8');
    // Drop the last byte of "户" (keep the closing quote and brace).
    const body = Buffer.concat([full.subarray(0, full.length - 3), full.subarray(full.length - 2)]);
    const res = await rawPost('/api/customers', body, { token: rep().token });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_encoding');
  });

  it('valid multi-byte Chinese is stored and read back identically', async () => {
    const name = '上海𠮷野家餐饮管理有限公司（测试）';
    const res = await rawPost('/api/customers', Buffer.from(JSON.stringify({ name }), 'utf8'), { token: rep().token });
    expect(res.status).toBe(201);
    expect(res.json.name).toBe(name);
    const read = await rep().api.get(`/api/customers/${res.json.id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe(name);
  });

  it('valid Chinese split across chunk boundaries (chunked) is decoded intact', async () => {
    const name = '北京多字节分块测试科技有限公司';
    const res = await rawPost('/api/customers', Buffer.from(JSON.stringify({ name, padding: '备注'.repeat(40_000) }), 'utf8'), {
      chunked: true,
      token: rep().token,
    });
    expect(res.status).toBe(201);
    expect(res.json.name).toBe(name);
  });

  it('a leading UTF-8 BOM is accepted', async () => {
    const name = '带BOM的客户有限公司';
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name }), 'utf8')]);
    const res = await rawPost('/api/customers', body, { token: rep().token });
    expect(res.status).toBe(201);
    expect(res.json.name).toBe(name);
  });
});

