import { z } from 'zod';
import { moneyAmount } from './common';
import { dateOnly, quantity } from './contracts';

/** ERP batches: at most this many rows per call; each row succeeds or fails on its own. */
export const ERP_BATCH_MAX = 500;
const code = z.string().trim().min(1, { error: '请填写外部编码' }).max(64, { error: '外部编码最多 64 个字符' });

/** Rows are validated one by one (so one bad row never sinks the batch). */
export const erpCustomerRow = z.object({
  externalCode: code,
  name: z.string().trim().min(1, { error: '请填写客户名称' }).max(100),
  creditCode: z.string().trim().max(18).optional(),
  ownerWecomUserId: z.string().max(64).optional(),
  industry: z.string().max(50).optional(),
  address: z.string().max(300).optional(),
});
export const erpReceiptRow = z.object({
  externalCode: code,
  /** The CRM contract number (HT-…) or the ERP contract code mapped earlier. */
  contractNumber: z.string().max(64).optional(),
  contractExternalCode: z.string().max(64).optional(),
  amount: moneyAmount.min(1, { error: '金额必须大于 0' }),
  receivedOn: dateOnly,
  method: z.string().max(32).optional(),
});
export const erpReceivableRow = z.object({
  externalCode: code,
  customerExternalCode: z.string().max(64).optional(),
  contractNumber: z.string().max(64).optional(),
  amount: moneyAmount.min(1, { error: '金额必须大于 0' }),
  receivedAmount: moneyAmount.min(0).default(0),
  dueOn: dateOnly,
});
export const erpShipmentRow = z.object({
  externalCode: code,
  orderNumber: z.string().max(64),
  shippedOn: dateOnly,
  lines: z.array(z.object({ lineNo: z.number().int().min(1), quantity })).min(1).max(200),
});
export const erpBatchBody = z.object({ rows: z.array(z.unknown()).min(1, { error: '至少一行' }).max(ERP_BATCH_MAX, { error: `每批最多 ${ERP_BATCH_MAX} 行` }) });
export const ERP_ENTITIES = ['customers', 'receipts', 'receivables', 'shipments'] as const;
export type ErpEntity = (typeof ERP_ENTITIES)[number];
/** One row's outcome: created / updated / unchanged, or an error with its code and message. */
export interface ErpRowResult {
  row: number;
  externalCode: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'error';
  id?: string;
  error?: { code: string; message: string };
}
