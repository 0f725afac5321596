import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../src/db/schema/index';
import { makeCorp, startTestServer, type TestCorp, type TestServer } from '../harness';

let t: TestServer;
let corp: TestCorp;
let skuStd: string;
let skuUser: string;

beforeAll(async () => {
  t = await startTestServer();
  t.clock.set('2026-11-27T02:00:00Z');
  corp = await makeCorp(t);
  const sync = await corp.users.admin!.api.request('PUT', '/api/erp/catalog', {
    categories: [{ externalCode: 'C1', name: '软件' }],
    products: [
      { externalCode: 'P1', name: '智客 CRM', categoryExternalCode: 'C1', unit: '套', skus: [{ externalCode: 'S-STD', name: '标准版' }, { externalCode: 'S-USER', name: '增购用户' }] },
    ],
    priceLists: [{ externalCode: 'PL-D', name: '标准价', isDefault: true, items: [{ skuExternalCode: 'S-STD', price: 10000_00 }, { skuExternalCode: 'S-USER', price: 333 }] }],
  });
  expect(sync.status).toBe(200);
  const skus = (await corp.users.admin!.api.get('/api/products')).body.items[0].skus as { id: string; code: string }[];
  skuStd = skus.find((s) => s.code === 'S-STD')!.id;
  skuUser = skus.find((s) => s.code === 'S-USER')!.id;
});
afterAll(async () => t.close());

/** The raw bytes (the harness client decodes bodies as UTF-8 text, which would corrupt a PDF). */
async function fetchBytes(userKey: string, path: string) {
  const api = corp.users[userKey]!.api;
  const res = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every stream of the PDF, inflated when FlateDecode (pdfkit compresses content, fonts and CMaps). */
function streams(pdf: Buffer): { dict: string; data: Buffer }[] {
  const out: { dict: string; data: Buffer }[] = [];
  const latin = pdf.toString('latin1');
  const re = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length;
    const len = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const raw = pdf.subarray(start, start + len);
    out.push({ dict: m[1]!, data: m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return out;
}

/**
 * Text of the PDF as a reader extracts it: glyph ids shown by the content streams (hex strings in
 * TJ / Tj), mapped back to Unicode through the embedded font's ToUnicode CMap.
 */
function extractText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = new Map<number, string>();
  const hexToStr = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const s of all.map((x) => x.data.toString('latin1')).filter((x) => x.includes('begincmap'))) {
    for (const block of s.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        if (m[3]!.startsWith('[')) {
          [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, hexToStr(d[1]!)));
        } else {
          const base = parseInt(m[3]!.slice(1, -1), 16);
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo));
        }
      }
    }
    for (const block of s.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), hexToStr(m[2]!));
    }
  }
  let text = '';
  for (const s of all.map((x) => x.data.toString('latin1')).filter((x) => /\bBT\b/.test(x))) {
    for (const op of s.matchAll(/(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj|\bET\b)/g)) {
      if (op[1] === 'ET') {
        text += '\n';
        continue;
      }
      for (const h of op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (const code of h[1]!.match(/.{4}/g) ?? []) text += map.get(parseInt(code, 16)) ?? '\uFFFD';
      }
    }
  }
  return text;
}

describe('quote PDF', () => {
  it('is a real PDF with an embedded CJK font and the Chinese text extractable', async () => {
    const api = corp.users.rep1!.api;
    const custName = `上海鑫淼科技有限公司${Math.random().toString(36).slice(2, 6)}`;
    const [row] = await t.db.insert(customers).values({ corpId: corp.id, name: custName, nameKey: custName, ownerId: corp.users.rep1!.id }).$returningId();
    const o = (await api.post('/api/opportunities', {
      customerId: String(row!.id), name: '年度续费',
      lines: [{ skuId: skuStd, quantity: 2, discountBp: 500 }, { skuId: skuUser, quantity: 3 }],
    })).body;
    const q = (await api.post(`/api/opportunities/${o.id}/quotes`, {})).body;
    expect((await api.patch(`/api/quotes/${q.id}`, { note: '含首年实施服务，按季度付款' })).status).toBe(200);

    const res = await fetchBytes('rep1', `/api/quotes/${q.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; /);
    expect(cd).toContain(`quote-${q.number}-v1.pdf`.replace(/[^\w.-]/g, '_'));
    expect(cd).toContain(encodeURIComponent(`报价单-${q.number}-v1.pdf`));
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.bytes.subarray(-6).toString('latin1')).toContain('%%EOF');

    // The font is embedded (a TrueType subset of Noto Sans SC), not referenced from the system.
    const latin = res.bytes.toString('latin1');
    expect(latin).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(latin).toContain('/FontFile2');
    expect(latin).toContain('/ToUnicode');

    const text = extractText(res.bytes);
    expect(text).not.toContain('\uFFFD');
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      '报价单', custName, q.number, '（第1版）', '有效期至：2026-12-27', '年度续费', '智客CRM', 'S-STD', '标准版', '增购用户', '套',
      '¥10,000.00', '5.00%', '¥19,000.00', '¥9.99', '原价合计：¥20,009.99', '报价合计：¥19,009.99', '备注：含首年实施服务，按季度付款',
    ]) {
      expect(flat).toContain(s.replace(/\s+/g, ''));
    }
  });

  it('has the same data scope as the print page: another rep gets 404', async () => {
    const api = corp.users.rep1!.api;
    const [row] = await t.db.insert(customers).values({ corpId: corp.id, name: '范围测试客户', nameKey: `范围测试客户${Date.now()}`, ownerId: corp.users.rep1!.id }).$returningId();
    const o = (await api.post('/api/opportunities', { customerId: String(row!.id), name: '范围', lines: [{ skuId: skuStd, quantity: 1 }] })).body;
    const q = (await api.post(`/api/opportunities/${o.id}/quotes`, {})).body;
    expect((await fetchBytes('rep2', `/api/quotes/${q.id}/print`)).status).toBe(404);
    const res = await fetchBytes('rep2', `/api/quotes/${q.id}/pdf`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('json');
    expect((await fetchBytes('rep1', `/api/quotes/${q.id}/pdf`)).status).toBe(200);
  });
});
