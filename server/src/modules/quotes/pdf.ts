import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { QUOTE_STATUS_LABELS } from '@scrm/shared';
import type { Db } from '../../db/client';
import { idNum } from '../../lib/ids';
import type { Opportunity } from '../opportunities/visibility';
import { loadQuotePrintData, yuan } from './print';
import { skusByIds, type QuoteRow } from './repo';

/**
 * Noto Sans SC (OFL) from the `@expo-google-fonts/noto-sans-sc` npm package: one complete TTF
 * (~31k glyphs), so no system font and no per-character font switching. Read once, lazily;
 * pdfkit embeds only the glyphs used (subset) into each document.
 */
const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let fontData: Buffer | undefined;
export function cjkFont(): Buffer {
  fontData ??= readFileSync(createRequire(import.meta.url).resolve(FONT_FILE));
  return fontData;
}

const COLS = [
  { title: '序号', width: 30, align: 'center' },
  { title: '产品', width: 110, align: 'left' },
  { title: 'SKU / 规格', width: 110, align: 'left' },
  { title: '数量', width: 44, align: 'right' },
  { title: '单位', width: 32, align: 'center' },
  { title: '单价', width: 70, align: 'right' },
  { title: '折扣', width: 44, align: 'right' },
  { title: '金额', width: 75, align: 'right' },
] as const;

/** The quote as an A4 PDF in Chinese: same content as the printable HTML page. */
export async function renderQuotePdf(db: Db, corpId: number, q: QuoteRow, o: Opportunity): Promise<Buffer> {
  const { out, corp, cust, owner } = await loadQuotePrintData(db, corpId, q, o);
  const skuIds = [...new Set(out.lines.map((l) => idNum(l.skuId)))];
  const skus = skuIds.length
    ? await skusByIds(db, corpId, skuIds)
    : [];
  const skuById = new Map(skus.map((s) => [String(s.id), s]));

  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `报价单 ${out.number}`, Author: corp?.name ?? '' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.fontSize(20).text('报 价 单', left, doc.y, { width, align: 'center', characterSpacing: 6 });
  doc.moveDown(0.8);
  doc.fontSize(10);
  const half = width / 2;
  const meta: [string, string][] = [
    [`报价方：${corp?.name ?? ''}`, `报价单号：${out.number}（第 ${out.version} 版）`],
    [`客户：${cust?.name ?? ''}`, `有效期至：${out.validUntil}`],
    [`商机：${o.name}`, `状态：${QUOTE_STATUS_LABELS[out.status]}`],
    [`销售代表：${owner?.name ?? ''} ${owner?.mobile ?? ''}`.trim(), '币种：人民币（元）'],
  ];
  for (const [a, b] of meta) {
    const y = doc.y;
    const h = Math.max(doc.heightOfString(a, { width: half - 8 }), doc.heightOfString(b, { width: half - 8 }));
    doc.text(a, left, y, { width: half - 8 });
    doc.text(b, left + half, y, { width: half - 8 });
    doc.y = y + h + 3;
  }
  doc.moveDown(0.5);

  const pad = 4;
  const scale = width / COLS.reduce((s, c) => s + c.width, 0);
  const widths = COLS.map((c) => c.width * scale);
  const drawRow = (cells: string[], header = false) => {
    doc.fontSize(header ? 10 : 9);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + h > bottom()) {
      doc.addPage();
      doc.font('cjk');
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (header) doc.rect(x, y, w, h).fillAndStroke('#f2f2f2', '#999999').fillColor('#222222');
      else doc.rect(x, y, w, h).strokeColor('#999999').stroke();
      doc.fillColor('#222222').text(c, x + pad, y + pad, { width: w - 2 * pad, align: COLS[i]!.align, lineBreak: true });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(COLS.map((c) => c.title), true);
  out.lines.forEach((l, i) => {
    const sku = skuById.get(l.skuId);
    const specs = sku ? Object.entries(sku.specs ?? {}).map(([k, v]) => `${k}：${v}`).join('；') : '';
    drawRow([
      String(i + 1),
      l.remark ? `${l.productName}\n备注：${l.remark}` : l.productName,
      [sku?.code, l.skuName, specs].filter(Boolean).join('\n'),
      String(l.quantity),
      l.unit,
      yuan(l.listPrice),
      l.discountBp ? `${(l.discountBp / 100).toFixed(2)}%` : '—',
      yuan(l.amount),
    ]);
  });

  doc.moveDown(0.8);
  if (doc.y + 60 > bottom()) {
    doc.addPage();
    doc.font('cjk');
  }
  doc.fontSize(12).text(`原价合计：${yuan(out.listAmount)}　　报价合计：${yuan(out.amount.amount)}`, left, doc.y, { width, align: 'right' });
  doc.moveDown(0.6);
  if (out.note) doc.fontSize(10).text(`备注：${out.note}`, left, doc.y, { width });
  doc.moveDown(0.4);
  doc.fontSize(8).fillColor('#666666').text('金额按每行四舍五入到分后合计。本报价单在有效期内有效。', left, doc.y, { width });
  doc.end();
  return done;
}
