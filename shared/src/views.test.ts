import { describe, expect, it } from 'vitest';
import { advanceBalancesResponse, expenseCategoryView, expenseTotalsResponse } from './expenses';
import { invoiceListResponse, shipmentListResponse } from './fulfilment';

/** Answers shaped as the server's presenters write them today (fulfilment/shipments.ts, invoices.ts; expenses routes). */
describe('view schemas of answers the front end reads', () => {
  it('parses a shipment list page', () => {
    const page = {
      items: [
        {
          id: '12',
          number: 'FH202601010001',
          orderId: '3',
          contractId: null,
          customerId: '7',
          ownerId: '2',
          shippedOn: '2026-01-01',
          carrier: null,
          trackingNo: 'SF123',
          amount: 120000,
          returnedAmount: 0,
          origin: 'crm',
          externalCode: null,
          lines: [{ id: '1', orderLineId: '4', quantity: 1.5, returnedQuantity: 0, amount: 120000 }],
          createdAt: '2026-01-01T02:00:00.000Z',
        },
      ],
      nextCursor: null,
    };
    expect(shipmentListResponse.parse(page)).toEqual(page);
    expect(() => shipmentListResponse.parse({ ...page, items: [{ ...page.items[0], origin: 'sap' }] })).toThrow();
  });

  it('parses an invoice list page (blue and red)', () => {
    const blue = {
      id: '5',
      number: 'FP202601010001',
      kind: 'blue',
      originalId: null,
      contractId: '9',
      orderId: null,
      customerId: '7',
      ownerId: '2',
      invoiceType: 'vat_special',
      invoiceNo: null,
      title: '某某公司',
      taxNo: null,
      issuedOn: '2026-01-02',
      amount: 113000,
      taxAmount: 13000,
      redAmount: 0,
      reason: null,
      lines: [{ name: '服务费', amount: 113000, taxRateBp: 1300, taxAmount: 13000 }],
      createdAt: '2026-01-02T02:00:00.000Z',
    };
    const red = { ...blue, id: '6', kind: 'red', originalId: '5', reason: '开错抬头' };
    const page = { items: [blue, red], nextCursor: '6' };
    expect(invoiceListResponse.parse(page)).toEqual(page);
  });

  it('parses categories, totals and advance balances', () => {
    const category = { id: '1', name: '差旅', sortOrder: 0, isActive: true, limits: [{ role: 'rep', maxPerClaim: 500000 }] };
    expect(expenseCategoryView.parse(category)).toEqual(category);
    expect(() => expenseCategoryView.parse({ ...category, limits: [{ role: 'boss', maxPerClaim: 1 }] })).toThrow();
    const totals = { items: [{ id: null, name: '（未关联）', amount: 32800, lines: 1 }, { id: '3', name: '张三', amount: 86000, lines: 2 }] };
    expect(expenseTotalsResponse.parse(totals)).toEqual(totals);
    const balances = { items: [{ user: { id: '2', name: '张三' }, outstanding: 100000, advances: 2 }] };
    expect(advanceBalancesResponse.parse(balances)).toEqual(balances);
  });
});
