import { z } from 'zod';
import { idSchema, LIMITS, listQuery, moneyAmount, optionalText, requiredText } from './common';
import { dateOnly, MONEY_LIMITS, quantity } from './contracts';

export const INVOICE_KINDS = ['blue', 'red'] as const;
export const INVOICE_TYPES = ['vat_special', 'vat_normal', 'electronic', 'other'] as const;
export const ASSET_STATUSES = ['in_service', 'returned', 'scrapped'] as const;

const serials = z.array(z.string().trim().min(1).max(64)).max(MONEY_LIMITS.serialsMax).optional();

/** `POST /api/shipments` (发货单): lines against order lines, never beyond what is still to ship. */
export const createShipmentBody = z.object({
  orderId: idSchema,
  shippedOn: dateOnly,
  carrier: optionalText('承运商', 100),
  trackingNo: optionalText('运单号', 100),
  lines: z
    .array(
      z.object({
        orderLineId: idSchema,
        quantity,
        /** One asset per serial number; none given → one asset per line. */
        serialNumbers: serials,
        warrantyMonths: z.number().int().min(0).max(240).default(12),
      }),
    )
    .min(1)
    .max(MONEY_LIMITS.linesMax),
});
/** `POST /api/shipments/:id/returns` (退货单): restores shippable quantity and retires assets. */
export const createReturnBody = z.object({
  returnedOn: dateOnly,
  reason: requiredText('退货原因', 500),
  lines: z
    .array(z.object({ shipmentLineId: idSchema, quantity, serialNumbers: serials }))
    .min(1)
    .max(MONEY_LIMITS.linesMax),
});

/** `POST /api/invoices` (发票): lines with tax against a contract or order, never beyond the invoiceable amount. */
export const createInvoiceBody = z
  .object({
    contractId: idSchema.optional(),
    orderId: idSchema.optional(),
    invoiceType: z.enum(INVOICE_TYPES).default('vat_special'),
    invoiceNo: optionalText('发票号码', 64),
    issuedOn: dateOnly,
    title: requiredText('发票抬头', 200),
    taxNo: optionalText('税号', 64),
    lines: z
      .array(z.object({ name: requiredText('品名'), amount: moneyAmount.min(1, { error: '金额必须大于 0' }), taxRateBp: z.number().int().min(0).max(10000).default(1300) }))
      .min(1)
      .max(MONEY_LIMITS.linesMax),
  })
  .refine((b) => !!b.contractId !== !!b.orderId, { error: '请指定合同或订单（二选一）', path: ['contractId'] });
/** `POST /api/invoices/:id/red` (红字发票): offsets the invoice fully (no amount) or partly. */
export const redInvoiceBody = z.object({
  amount: moneyAmount.min(1, { error: '金额必须大于 0' }).optional(),
  issuedOn: dateOnly,
  reason: requiredText('红冲原因', 500),
  invoiceNo: optionalText('发票号码', 64),
});
export const invoiceListQuery = listQuery.extend({ contractId: idSchema.optional(), customerId: idSchema.optional() });
export const shipmentListQuery = listQuery.extend({ orderId: idSchema.optional(), contractId: idSchema.optional(), customerId: idSchema.optional() });
export const assetListQuery = listQuery.extend({ customerId: idSchema.optional(), status: z.enum(ASSET_STATUSES).optional() });
export const patchAssetBody = z.object({
  warrantyEndOn: dateOnly.optional(),
  location: optionalText('安装位置', 200),
  remark: optionalText('备注', LIMITS.longTextMax),
});
