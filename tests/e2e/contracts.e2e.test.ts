import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

interface Opportunity {
  id: string;
  stageSetId: string;
  status: string;
}
interface Contract {
  id: string;
  number: string;
  status: string;
  customerName: string;
  approvalId: string | null;
  amount: number;
  receivedAmount: number;
  instalments: { period: number; amount: number; receivedAmount: number }[];
}
interface PerformanceRow {
  id: string;
  booked: number;
  received: number;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** `¥1,234.56` (the pages' format); `.00` dropped where the workbench card drops it. */
function yuan(fen: number, trim = false): string {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fen % 100;
  return `¥${whole}${trim && cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

/** The month `YYYY-MM` in Asia/Shanghai, as the performance card asks for it. */
const shanghaiMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

async function confirmModal(page: Page): Promise<void> {
  const modal = page.locator('.uni-modal');
  await modal.waitFor({ state: 'visible', timeout: 10_000 });
  await modal.locator('.uni-modal__btn_primary').click();
}

/** Opens the approvals inbox, finds the contract's item and approves it. */
async function approveFromInbox(page: Page, contractNumber: string, comment: string): Promise<void> {
  await page.goto(`${baseUrl()}/pages/approvals/approvals`);
  const item = page.locator('[data-testid^="approval-item-"]').filter({ hasText: contractNumber }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  await page.waitForURL(/\/pages\/approvals\/detail\/detail\?id=\d+/, { timeout: 30_000 });
  await byTestId(page, 'approval-action-approve').click();
  await byTestId(page, 'approval-sheet').waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('[data-testid="approval-comment"] textarea').fill(comment);
  await byTestId(page, 'approval-confirm').click();
  await byTestId(page, 'approval-action-approve').waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Lead-to-cash on a phone: a won deal → the rep creates a contract with two instalments (the
 * plan balanced to the fen) and submits it → the leader and finance approve in the inbox → the
 * rep records a partial receipt → the customer page and the rep's performance card show it.
 */
describe('contract → approval → receipt journey', () => {
  let browser: Browser;
  let rep: Page;
  let rep1 = '';
  let customer = { id: '', name: '' };
  let opportunity: Opportunity;
  let contract: Contract;
  let before: PerformanceRow = { id: '', booked: 0, received: 0 };
  const AMOUNT = 6_000_000; // 2 × 30,000.00 元
  const FIRST = 2_400_035; // 24,000.35 元
  const RECEIPT = 1_000_010; // 10,000.10 元, short of the first instalment

  beforeAll(async () => {
    browser = await launchBrowser();
    rep = await newPhonePage(browser);
    // The won opportunity is prepared through the API: a fresh customer so its totals start at 0.
    rep1 = await devToken('demo.rep1');
    const tag = runTag();
    customer = await api<{ id: string; name: string }>(rep1, 'POST', '/api/customers', { name: `远航科技 合同E2E ${tag}`, industry: '软件' });
    const products = await api<{ items: { skus: { id: string }[] }[] }>(rep1, 'GET', '/api/products?status=active&limit=5');
    const skuId = products.items.find((p) => p.skus.length)!.skus[0]!.id;
    opportunity = await api<Opportunity>(rep1, 'POST', '/api/opportunities', {
      customerId: customer.id,
      name: `年度订阅 ${tag}`,
      lines: [{ skuId, quantity: 2, listPrice: 3_000_000 }],
    });
    const quote = await api<{ id: string }>(rep1, 'POST', `/api/opportunities/${opportunity.id}/quotes`, {});
    await api(rep1, 'POST', `/api/quotes/${quote.id}/actions/submit`, {});
    await api(rep1, 'POST', `/api/quotes/${quote.id}/actions/accept`, {});
    const sets = await api<{ items: { id: string; stages: { id: string; kind: string }[] }[] }>(rep1, 'GET', '/api/stage-sets');
    const won = sets.items.find((s) => s.id === opportunity.stageSetId)!.stages.find((s) => s.kind === 'won')!;
    opportunity = await api<Opportunity>(rep1, 'POST', `/api/opportunities/${opportunity.id}/actions/move-stage`, { stageId: won.id });
    expect(opportunity.status).toBe('won');
    const month = shanghaiMonth();
    const perf = await api<{ items: PerformanceRow[] }>(rep1, 'GET', `/api/performance?from=${month}&to=${month}&groupBy=rep`);
    const me = await api<{ id: string }>(rep1, 'GET', '/api/me');
    before = perf.items.find((r) => r.id === me.id) ?? { id: me.id, booked: 0, received: 0 };
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a contract from the won deal on the customer page, with two instalments balanced to the fen', async () => {
    await signInAs(rep, 'demo.rep1');
    await rep.goto(`${baseUrl()}/pages/customers/detail/detail?id=${customer.id}`);
    await byTestId(rep, 'customer-tab-contracts').click();
    await byTestId(rep, `customer-contract-new-${opportunity.id}`).click();
    await rep.waitForURL(/\/pages\/contracts\/create\/create\?opportunityId=/, { timeout: 30_000 });

    // Step 1: the lines of the accepted quote, all picked.
    await byTestId(rep, 'create-step-source').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'create-amount').innerText()).resolves.toBe(yuan(AMOUNT));
    await byTestId(rep, 'create-next').click();
    // Step 2: terms (title prefilled from the deal; today's signing date).
    await byTestId(rep, 'create-step-terms').waitFor({ state: 'visible' });
    await byTestId(rep, 'create-next').click();
    // Step 3: the plan. The remaining difference follows every keystroke.
    await byTestId(rep, 'create-step-plan').waitFor({ state: 'visible' });
    await rep.locator('[data-testid="plan-row-0-amount"] input').fill('24000.35');
    await expect(byTestId(rep, 'plan-difference').innerText()).resolves.toContain(yuan(AMOUNT - FIRST));
    await byTestId(rep, 'create-next').click();
    // Unbalanced: refused with the difference, still on the plan step.
    await rep.locator('uni-toast').getByText('还需分配').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(byTestId(rep, 'create-step-plan').isVisible()).resolves.toBe(true);
    await byTestId(rep, 'plan-add').click();
    await expect(rep.locator('[data-testid="plan-row-1-amount"] input').inputValue()).resolves.toBe('35999.65');
    await expect(byTestId(rep, 'plan-difference').innerText()).resolves.toContain('已与合同金额一致');
    await screenshot(rep, 'contracts-01-plan');
    await byTestId(rep, 'create-next').click();
    // Step 4: confirm and submit (after a confirmation dialog).
    await expect(byTestId(rep, 'create-confirm-amount').innerText()).resolves.toBe(yuan(AMOUNT));
    await byTestId(rep, 'create-submit').click();
    await confirmModal(rep);
    await rep.waitForURL(/\/pages\/contracts\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    await byTestId(rep, 'contract-approval-status').getByText('审批中').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'contracts-02-submitted');

    const id = new URL(rep.url()).searchParams.get('id')!;
    contract = await api<Contract>(rep1, 'GET', `/api/contracts/${id}`);
    expect(contract).toMatchObject({ status: 'pending', amount: AMOUNT, customerName: customer.name });
    expect(contract.approvalId).toMatch(/^\d+$/);
    await expect(byTestId(rep, 'contract-customer').innerText()).resolves.toContain(customer.name);
    expect(contract.instalments.map((i) => i.amount)).toEqual([FIRST, AMOUNT - FIRST]);
  });

  it('the leader and then finance approve it in the approvals inbox', async () => {
    const manager = await newPhonePage(browser);
    await signInAs(manager, 'demo.manager');
    await approveFromInbox(manager, contract.number, '同意签约');
    await screenshot(manager, 'contracts-03-leader-approved');
    const finance = await newPhonePage(browser);
    await signInAs(finance, 'demo.finance');
    await approveFromInbox(finance, contract.number, '财务审核通过');
    await byTestId(finance, 'approval-status').getByText('已通过').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => (await api<Contract>(rep1, 'GET', `/api/contracts/${contract.id}`)).status, { timeout: 15_000 }).toBe('effective');
    await manager.context().close();
    await finance.context().close();
  });

  it('the rep records a partial receipt, allocated to the first instalment', async () => {
    await rep.goto(`${baseUrl()}/pages/contracts/detail/detail?id=${contract.id}`);
    await byTestId(rep, 'contract-status').getByText('已生效').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'contract-record-receipt').click();
    await rep.waitForURL(/\/pages\/contracts\/receipt\/receipt\?contractId=/, { timeout: 30_000 });
    await rep.locator('[data-testid="receipt-amount"] input').fill('10000.1');
    await expect(byTestId(rep, 'receipt-amount-echo').innerText()).resolves.toBe(yuan(RECEIPT));
    // Prefilled earliest first: all of it on instalment 1, which still owes the rest.
    await expect.poll(() => rep.locator('[data-testid="receipt-alloc-1-amount"] input').inputValue(), { timeout: 5_000 }).toBe('10000.1');
    await expect(byTestId(rep, 'receipt-alloc-1-after').innerText()).resolves.toContain(yuan(FIRST - RECEIPT));
    await expect(byTestId(rep, 'receipt-alloc-2-after').innerText()).resolves.toContain(yuan(AMOUNT - FIRST));
    await screenshot(rep, 'contracts-04-receipt');
    await byTestId(rep, 'receipt-save').click();
    await confirmModal(rep);
    await rep.waitForURL(/\/pages\/contracts\/detail\/detail\?id=/, { timeout: 30_000 });
    await byTestId(rep, 'contract-received').getByText(`${yuan(RECEIPT)} / ${yuan(AMOUNT)}`).waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'instalment-1-status').getByText('部分回款').waitFor({ state: 'visible', timeout: 30_000 });

    const after = await api<Contract>(rep1, 'GET', `/api/contracts/${contract.id}`);
    expect(after.receivedAmount).toBe(RECEIPT);
    expect(after.instalments.map((i) => i.receivedAmount)).toEqual([RECEIPT, 0]);
  });

  it('the contract page lists its shipments and receivables and links its approval', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const order = await api<{ id: string; lines: { id: string }[] }>(rep1, 'POST', '/api/orders', { contractId: contract.id, orderedOn: today });
    const shipment = await api<{ id: string }>(rep1, 'POST', '/api/shipments', {
      orderId: order.id,
      shippedOn: today,
      carrier: '顺丰',
      trackingNo: 'SF1001',
      lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }],
    });
    const mine = await api<{ id: string }>(rep1, 'POST', '/api/receivables', { customerId: customer.id, contractId: contract.id, amount: 50_000, dueOn: today, remark: '安装费' });
    const other = await api<{ id: string }>(rep1, 'POST', '/api/receivables', { customerId: customer.id, amount: 30_000, dueOn: today });

    await rep.goto(`${baseUrl()}/pages/contracts/detail/detail?id=${contract.id}&tab=shipments`);
    await byTestId(rep, `shipment-${shipment.id}`).getByText('SF1001').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'contract-tab-receivables').click();
    await byTestId(rep, `receivable-${mine.id}`).waitFor({ state: 'visible', timeout: 30_000 });
    // The customer's other receivable (no contract) is not this contract's.
    await expect(byTestId(rep, `receivable-${other.id}`).count()).resolves.toBe(0);
    await byTestId(rep, `receivable-${mine.id}`).click();
    await byTestId(rep, `receivable-${mine.id}-detail`).getByText('无应收变更').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'contracts-05a-receivables');

    await byTestId(rep, 'contract-tab-approval').click();
    await byTestId(rep, 'contract-approval-status').getByText('已通过').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'contract-approval-open').click();
    await rep.waitForURL(new RegExp(`/pages/approvals/detail/detail\\?id=${contract.approvalId}$`), { timeout: 30_000 });
  });

  it('the customer page and the rep performance card show the money received', async () => {
    await rep.goto(`${baseUrl()}/pages/customers/detail/detail?id=${customer.id}`);
    await byTestId(rep, 'customer-tab-receipts').click();
    await byTestId(rep, 'customer-receipts-total').getByText(yuan(RECEIPT)).waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'customer-tab-contracts').click();
    await byTestId(rep, `customer-contract-${contract.id}`).getByText(`${yuan(RECEIPT)} / ${yuan(AMOUNT)}`).waitFor({ state: 'visible', timeout: 30_000 });
    const rollup = await api<{ receivedAmount: number }>(rep1, 'GET', `/api/customers/${customer.id}`);
    expect(rollup.receivedAmount).toBe(RECEIPT);
    await screenshot(rep, 'contracts-05-customer');

    await rep.goto(`${baseUrl()}/pages/workbench/workbench`);
    await byTestId(rep, 'my-performance-received-value')
      .getByText(yuan(before.received + RECEIPT, true), { exact: true })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'my-performance-booked-value').innerText()).resolves.toBe(yuan(before.booked + AMOUNT, true));
    await screenshot(rep, 'contracts-06-workbench');
  });
});

/** 逾期回款: a page of `GET /api/instalments?status=overdue` at a time, with the customer and owner names. */
describe('overdue payments', () => {
  let browser: Browser;
  let manager: Page;
  let token = '';
  interface Row {
    id: string;
    contractId: string;
    contractNo: string;
    customerName: string;
    daysOverdue: number;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    manager = await newPhonePage(browser);
    token = await devToken('demo.manager');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the overdue instalments of the scope page by page and opens the contract plan', async () => {
    const first = await api<{ items: Row[]; nextCursor: string | null }>(token, 'GET', '/api/instalments?status=overdue&scope=all&limit=20');
    expect(first.items.length).toBeGreaterThan(0); // the demo seed has an overdue instalment per contract
    await signInAs(manager, 'demo.manager');
    await manager.goto(`${baseUrl()}/pages/contracts/overdue/overdue`);
    await byTestId(manager, 'overdue-summary').waitFor({ state: 'visible', timeout: 30_000 });
    const cards = manager.locator('[data-testid^="overdue-item-"]');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(first.items.length);
    const top = first.items[0]!;
    const card = byTestId(manager, `overdue-item-${top.id}`);
    await expect(card.innerText()).resolves.toContain(top.customerName);
    await expect(card.innerText()).resolves.toContain(top.contractNo);
    await expect(card.innerText()).resolves.toContain(`逾期 ${top.daysOverdue} 天`);
    if (first.nextCursor) {
      const second = await api<{ items: Row[] }>(token, 'GET', `/api/instalments?status=overdue&scope=all&limit=20&cursor=${encodeURIComponent(first.nextCursor)}`);
      await byTestId(manager, 'overdue-more').click();
      await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(first.items.length + second.items.length);
    } else {
      await expect(byTestId(manager, 'overdue-more').innerText()).resolves.toContain('没有更多了');
    }
    await screenshot(manager, 'contracts-07-overdue');

    // The scope chips ask the server again.
    const mine = await api<{ items: Row[] }>(token, 'GET', '/api/instalments?status=overdue&scope=mine&limit=20');
    await byTestId(manager, 'overdue-scope-mine').click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(mine.items.length);
    await byTestId(manager, 'overdue-scope-all').click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(first.items.length);

    await card.click();
    await manager.waitForURL(new RegExp(`/pages/contracts/detail/detail\\?id=${top.contractId}&tab=plan`), { timeout: 30_000 });
    await byTestId(manager, 'contract-tab-plan').waitFor({ state: 'visible', timeout: 30_000 });
  });
});
