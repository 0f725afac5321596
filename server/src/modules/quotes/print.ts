import { QUOTE_STATUS_LABELS } from '@scrm/shared';
import type { Db } from '../../db/client';
import type { Opportunity } from '../opportunities/visibility';
import { printParties } from './repo';
import { presentQuote, type QuoteRow } from './service';

const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Everything the printed quote shows (HTML page and PDF share it). */
export async function loadQuotePrintData(db: Db, corpId: number, q: QuoteRow, o: Opportunity) {
  const out = await presentQuote(db, q);
  const { corp, cust, owner } = await printParties(db, corpId, o);
  return { out, corp, cust, owner };
}
export type QuotePrintData = Awaited<ReturnType<typeof loadQuotePrintData>>;

/**
 * The quote as a printable HTML page in Chinese (the browser's "print to PDF" works too);
 * `GET /api/quotes/:id/pdf` renders the same content server-side with an embedded CJK font (pdf.ts).
 */
export async function renderQuoteHtml(db: Db, corpId: number, q: QuoteRow, o: Opportunity): Promise<string> {
  const { out, corp, cust, owner } = await loadQuotePrintData(db, corpId, q, o);
  const rows = out.lines
    .map(
      (l, i) =>
        `<tr><td>${i + 1}</td><td>${esc(l.productName)}</td><td>${esc(l.skuName)}</td><td class="n">${l.quantity}</td><td>${esc(l.unit)}</td><td class="n">${yuan(l.listPrice)}</td><td class="n">${l.discountBp ? `${(l.discountBp / 100).toFixed(2)}%` : '—'}</td><td class="n">${yuan(l.amount)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报价单 ${esc(out.number)}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:32px;color:#222}h1{text-align:center;letter-spacing:8px}
table{width:100%;border-collapse:collapse;margin-top:16px}th,td{border:1px solid #999;padding:6px 8px;font-size:14px}th{background:#f2f2f2}.n{text-align:right}
.meta td{border:none;padding:2px 8px}.total{font-size:16px;font-weight:bold;text-align:right;margin-top:12px}@media print{.noprint{display:none}}</style></head>
<body><button class="noprint" onclick="window.print()">打印 / 另存为 PDF</button><h1>报 价 单</h1>
<table class="meta"><tr><td>报价方：${esc(corp?.name)}</td><td>报价单号：${esc(out.number)}（第 ${out.version} 版）</td></tr>
<tr><td>客户：${esc(cust?.name)}</td><td>有效期至：${esc(out.validUntil)}</td></tr>
<tr><td>商机：${esc(o.name)}</td><td>状态：${QUOTE_STATUS_LABELS[out.status]}</td></tr>
<tr><td>销售代表：${esc(owner?.name)} ${esc(owner?.mobile)}</td><td>币种：人民币（元）</td></tr></table>
<table><thead><tr><th>序号</th><th>产品</th><th>规格</th><th>数量</th><th>单位</th><th>单价</th><th>折扣</th><th>金额</th></tr></thead><tbody>${rows}</tbody></table>
<p class="total">原价合计：${yuan(out.listAmount)}　　报价合计：${yuan(out.amount.amount)}</p>
${out.note ? `<p>备注：${esc(out.note)}</p>` : ''}<p style="font-size:12px;color:#666">金额按每行四舍五入到分后合计。本报价单在有效期内有效。</p></body></html>`;
}
