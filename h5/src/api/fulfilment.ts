import type { INVOICE_KINDS, INVOICE_TYPES, ListResult } from '@scrm/shared';
import { request } from './request';

/**
 * 发货单 / 发票 as the contract pages list them (read-only here). The shared package has the
 * write bodies and the enums but no view schema for these two answers yet, so the shapes are
 * written here with the enums taken from it.
 */

export interface Shipment {
  id: string;
  number: string;
  orderId: string;
  contractId: string | null;
  shippedOn: string;
  carrier: string | null;
  trackingNo: string | null;
  amount: number;
  returnedAmount: number;
  origin: 'crm' | 'erp';
}

export interface Invoice {
  id: string;
  number: string;
  kind: (typeof INVOICE_KINDS)[number];
  originalId: string | null;
  contractId: string | null;
  invoiceType: (typeof INVOICE_TYPES)[number];
  invoiceNo: string | null;
  title: string;
  issuedOn: string;
  amount: number;
  taxAmount: number;
  redAmount: number;
  reason: string | null;
}

export const listContractInvoices = (contractId: string) =>
  request<ListResult<Invoice>>('/api/invoices', { query: { contractId, scope: 'all', limit: 100 } });
/** `GET /api/shipments?contractId=`: the shipments of one contract, newest first. */
export const listContractShipments = (contractId: string) =>
  request<ListResult<Shipment>>('/api/shipments', { query: { contractId, scope: 'all', limit: 100 } });
