import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

interface Opp {
  id: string;
  name: string;
  status: string;
  customer: { id: string; name: string };
}
interface Contract {
  id: string;
  number: string;
  opportunityId: string | null;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** A won deal offers 生成合同 until a contract is made from it, then links to that contract instead. */
describe('won opportunity → contract', () => {
  let browser: Browser;
  let page: Page;
  let rep: string;
  let won: Opp;

  beforeAll(async () => {
    // A fresh won deal, prepared through the API as the contracts e2e does: lines → accepted quote → 赢单.
    rep = await devToken('demo.rep1');
    const tag = runTag();
    const customer = await api<{ id: string }>(rep, 'POST', '/api/customers', { name: `赢单转合同 E2E ${tag}` });
    const products = await api<{ items: { skus: { id: string }[] }[] }>(rep, 'GET', '/api/products?status=active&limit=5');
    const skuId = products.items.find((p) => p.skus.length)!.skus[0]!.id;
    const created = await api<Opp & { stageSetId: string }>(rep, 'POST', '/api/opportunities', {
      customerId: customer.id,
      name: `年度订阅 ${tag}`,
      lines: [{ skuId, quantity: 1, listPrice: 1_000_000 }],
    });
    const quote = await api<{ id: string }>(rep, 'POST', `/api/opportunities/${created.id}/quotes`, {});
    await api(rep, 'POST', `/api/quotes/${quote.id}/actions/submit`, {});
    await api(rep, 'POST', `/api/quotes/${quote.id}/actions/accept`, {});
    const sets = await api<{ items: { id: string; stages: { id: string; kind: string }[] }[] }>(rep, 'GET', '/api/stage-sets');
    const wonStage = sets.items.find((s) => s.id === created.stageSetId)!.stages.find((s) => s.kind === 'won')!;
    won = await api<Opp>(rep, 'POST', `/api/opportunities/${created.id}/actions/move-stage`, { stageId: wonStage.id });
    expect(won.status).toBe('won');
    browser = await launchBrowser();
    page = await newPhonePage(browser);
    await signInAs(page, 'demo.rep1');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('offers 生成合同 on the won deal and opens the contract form for it', async () => {
    await page.goto(`${baseUrl()}/pages/opportunities/detail/detail?id=${won.id}`);
    const create = byTestId(page, 'opp-create-contract');
    await create.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(create.innerText()).resolves.toContain('生成合同');
    await screenshot(page, 'opportunity-contract-01-won');
    await create.click();
    await page.waitForURL(new RegExp(`/pages/contracts/create/create\\?opportunityId=${won.id}`), { timeout: 30_000 });
  });

  it('links to the contract once one is made from the deal', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const body = { customerId: won.customer.id, opportunityId: won.id, title: `${won.name} 合同 ${runTag()}`, signedOn: today };
    // Lines (and so the amount) are copied from the deal.
    const contract = await api<Contract>(rep, 'POST', '/api/contracts', body);
    await page.goto(`${baseUrl()}/pages/opportunities/detail/detail?id=${won.id}`);
    const link = byTestId(page, 'opp-view-contract');
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(link.innerText()).resolves.toContain(contract.number);
    await expect(page.locator('[data-testid="opp-create-contract"]').count()).resolves.toBe(0);
    await link.click();
    await page.waitForURL(new RegExp(`/pages/contracts/detail/detail\\?id=${contract.id}`), { timeout: 30_000 });
  });
});
