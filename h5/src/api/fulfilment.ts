import type { InvoiceView, ListResult, ShipmentView } from '@scrm/shared';
import { request } from './request';

/** 发货单 / 发票 as the contract pages list them (read-only here): the shared view schemas' types. */
export type Shipment = ShipmentView;
export type Invoice = InvoiceView;

export const listContractInvoices = (contractId: string) =>
  request<ListResult<Invoice>>('/api/invoices', { query: { contractId, scope: 'all', limit: 100 } });
/** `GET /api/shipments?contractId=`: the shipments of one contract, newest first. */
export const listContractShipments = (contractId: string) =>
  request<ListResult<Shipment>>('/api/shipments', { query: { contractId, scope: 'all', limit: 100 } });
