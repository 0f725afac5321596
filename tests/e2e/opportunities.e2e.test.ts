import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('scrm.token') ?? '';
    try {
      const parsed = JSON.parse(raw) as { data?: unknown };
      return typeof parsed.data === 'string' ? parsed.data : raw;
    } catch {
      return raw;
    }
  });
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${await tokenOf(page)}` } });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

interface Opp {
  id: string;
  name: string;
  stage: { id: string; name: string };
  amount: { amount: number };
  lines: { amount: number; listPrice: number; quantity: number }[];
}

/**
 * A rep on a phone works a deal: creates it for one of their customers, adds two catalog lines,
 * learns from the stage move what is missing, adds three people with reports-to (the map draws
 * them by attitude), advances two stages, quotes it, and sees it counted in the funnel.
 */
describe('opportunity journey', () => {
  let browser: Browser;
  let rep: Page;
  let customer: { id: string; name: string };
  let opportunityId = '';
  const dealName = `E2E CRM 采购 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    rep = await newPhonePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Picks an entry of the open action sheet by its text. */
  async function chooseInSheet(text: string): Promise<void> {
    const action = rep.locator('.wd-action-sheet__action').filter({ hasText: text }).first();
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await action.click();
  }

  async function moveTo(stageName: string): Promise<void> {
    await byTestId(rep, 'move-stage').click();
    await chooseInSheet(stageName);
  }

  it('creates an opportunity for a demo customer from the 商机 tab', async () => {
    await signInAs(rep, 'demo.rep1');
    const mine = await apiGet<{ items: { id: string; name: string }[] }>(rep, '/api/customers?scope=mine&limit=20');
    expect(mine.items.length).toBeGreaterThan(0);
    customer = mine.items[0]!;

    await rep.goto(`${baseUrl()}/pages/opportunities/opportunities`);
    await byTestId(rep, 'opp-new').click();
    await rep.waitForURL(/\/pages\/opportunities\/edit\/edit/, { timeout: 30_000 });
    await rep.locator('[data-testid="opp-form-customer-search"] input').fill(customer.name.slice(0, 6));
    await byTestId(rep, `opp-form-customer-${customer.id}`).click();
    await expect(byTestId(rep, 'opp-form-customer').innerText()).resolves.toContain(customer.name);
    await rep.locator('[data-testid="opp-form-name"] input').fill(dealName);
    await rep.locator('[data-testid="opp-form-need"] textarea').fill('统一管理企业微信客户，离职交接不丢客户');
    await rep.locator('[data-testid="opp-form-budget"] input').fill('150000');
    // Expected close date through the date picker (its default is today).
    await byTestId(rep, 'opp-form-close').click();
    await rep.locator('.uni-picker-action-confirm').click();
    await expect(byTestId(rep, 'opp-form-close').innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(rep, 'opportunities-01-create');
    await byTestId(rep, 'opp-form-submit').click();
    await rep.waitForURL(/\/pages\/opportunities\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    opportunityId = new URL(rep.url()).searchParams.get('id')!;
    await byTestId(rep, 'opp-header').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'opp-header').innerText()).resolves.toContain('初步接洽');
    await expect(byTestId(rep, 'opp-header').innerText()).resolves.toContain(customer.name);
  });

  it('adds two catalog lines; the server prices them and the sum is shown', async () => {
    await byTestId(rep, 'line-add').click();
    await byTestId(rep, 'sku-SKU-CRM-STD').click();
    await byTestId(rep, 'line-add').click();
    await rep.locator('[data-testid="product-search"] input').fill('CRM');
    await byTestId(rep, 'sku-SKU-CRM-USER').click();
    await rep.locator('[data-testid="line-qty-1"] input').fill('20');
    await rep.locator('[data-testid="line-discount-1"] input').fill('10');
    await byTestId(rep, 'lines-save').click();
    await byTestId(rep, 'line-amount-1').waitFor({ state: 'visible', timeout: 30_000 });

    const saved = await apiGet<Opp>(rep, `/api/opportunities/${opportunityId}`);
    expect(saved.lines).toHaveLength(2);
    expect(saved.lines[1]!.quantity).toBe(20);
    expect(saved.amount.amount).toBe(saved.lines[0]!.amount + saved.lines[1]!.amount);
    expect(saved.amount.amount).toBeGreaterThan(0);
    const yuan = Math.floor(saved.amount.amount / 100).toLocaleString('en-US');
    await expect(byTestId(rep, 'lines-total').innerText()).resolves.toContain(yuan);
    await expect(byTestId(rep, 'opp-amount').innerText()).resolves.toContain(yuan);
    await screenshot(rep, 'opportunities-02-lines');
  });

  it('says in Chinese what is missing when the next stage cannot be entered yet', async () => {
    await moveTo('需求确认');
    const box = rep.locator('.wd-message-box');
    await box.getByText('进入「需求确认」前还需要').waitFor({ state: 'visible', timeout: 15_000 });
    await expect(box.innerText()).resolves.toContain('商机联系人');
    await screenshot(rep, 'opportunities-03-unmet');
    await box.locator('.wd-message-box__actions-btn').last().click();
    await box.getByText('进入「需求确认」前还需要').waitFor({ state: 'hidden', timeout: 10_000 });
    await expect(byTestId(rep, 'opp-header').innerText()).resolves.toContain('初步接洽');
  });

  it('adds three contacts with reports-to and draws the relationship map coloured by attitude', async () => {
    const people = [
      { name: '王建国', title: '总经理', role: 'decision_maker', attitude: 'support', reportsTo: null },
      { name: '李明', title: 'IT 经理', role: 'technical', attitude: 'neutral', reportsTo: '王建国' },
      { name: '赵芳', title: '采购经理', role: 'procurement', attitude: 'oppose', reportsTo: '王建国' },
    ] as const;
    for (const p of people) {
      await byTestId(rep, 'opp-contact-add').click();
      const form = rep.locator('[data-testid="opp-contact-form"]');
      await form.waitFor({ state: 'visible', timeout: 10_000 });
      await rep.locator('[data-testid="new-contact-name"] input').fill(p.name);
      await rep.locator('[data-testid="new-contact-title"] input').fill(p.title);
      await byTestId(rep, `role-${p.role}`).click();
      await byTestId(rep, `attitude-${p.attitude}`).click();
      await byTestId(rep, p.reportsTo ? `reports-to-${p.reportsTo}` : 'reports-to-none').click();
      await byTestId(rep, 'opp-contact-save').click();
      await byTestId(rep, `opp-contact-${p.name}`).waitFor({ state: 'visible', timeout: 15_000 });
    }

    const map = byTestId(rep, 'relationship-map');
    await map.scrollIntoViewIfNeeded();
    const nodes = map.locator('[data-testid="map-node"]');
    await expect(nodes.count()).resolves.toBe(3);
    for (const p of people) {
      const node = nodes.filter({ hasText: p.name });
      await expect(node.getAttribute('data-attitude')).resolves.toBe(p.attitude);
    }
    // The boss sits above both reports; the reports sit side by side.
    const box = async (name: string) => (await nodes.filter({ hasText: name }).boundingBox())!;
    const [boss, it1, buyer] = [await box('王建国'), await box('李明'), await box('赵芳')];
    expect(boss.y).toBeLessThan(it1.y);
    expect(it1.y).toBe(buyer.y);
    expect(boss.x).toBeGreaterThan(it1.x);
    expect(boss.x).toBeLessThan(buyer.x);
    const apiMap = await apiGet<{ roots: { name: string; children: { name: string }[] }[] }>(rep, `/api/opportunities/${opportunityId}/relationship-map`);
    expect(apiMap.roots.map((r) => r.name)).toEqual(['王建国']);
    expect(apiMap.roots[0]!.children.map((c) => c.name).sort()).toEqual(['李明', '赵芳'].sort());
    await screenshot(rep, 'opportunities-04-map');
  });

  it('advances two stages once the requirements are met', async () => {
    await moveTo('需求确认');
    await expect.poll(() => byTestId(rep, 'opp-header').innerText(), { timeout: 15_000 }).toContain('需求确认');

    // 方案报价 also needs its checklist item ticked.
    await byTestId(rep, 'check-solution_presented').click();
    await expect.poll(async () => (await apiGet<{ checklist: Record<string, boolean> }>(rep, `/api/opportunities/${opportunityId}`)).checklist.solution_presented).toBe(true);
    await moveTo('方案报价');
    await expect.poll(() => byTestId(rep, 'opp-header').innerText(), { timeout: 15_000 }).toContain('方案报价');

    const history = await apiGet<{ items: { toStage: { name: string } }[] }>(rep, `/api/opportunities/${opportunityId}/stage-history`);
    expect(history.items.map((h) => h.toStage.name)).toEqual(['初步接洽', '需求确认', '方案报价']);
    // The history list reloads after the header shows the new stage: wait for it.
    await expect.poll(() => rep.locator('[data-testid="stage-history-item"]').count(), { timeout: 15_000 }).toBe(3);
    await screenshot(rep, 'opportunities-05-advanced');
  });

  it('pushes the lines down into a quote and submits it', async () => {
    await byTestId(rep, 'quote-create').click();
    await byTestId(rep, 'quote-v1').waitFor({ state: 'visible', timeout: 15_000 });
    await byTestId(rep, 'quote-submit-1').click();
    await expect.poll(() => byTestId(rep, 'quote-v1').innerText(), { timeout: 15_000 }).toContain('已生效');

    // The printable page opens in a new tab, authenticated by the session cookie.
    const [printPage] = await Promise.all([rep.context().waitForEvent('page'), byTestId(rep, 'quote-print-1').click()]);
    await printPage.waitForLoadState('domcontentloaded');
    expect(printPage.url()).toMatch(/\/api\/quotes\/\d+\/print$/);
    await expect(printPage.locator('body').innerText()).resolves.toContain(customer.name);
    const quotePath = new URL(printPage.url()).pathname.replace(/\/print$/, '');
    await printPage.close();

    // The same quote as a PDF download, with the browser's session.
    await byTestId(rep, 'quote-pdf-1').waitFor({ state: 'visible' });
    const pdf = await rep.context().request.get(`${baseUrl()}${quotePath}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('counts the deal in the funnel and lists it', async () => {
    await rep.goto(`${baseUrl()}/pages/opportunities/opportunities`);
    await byTestId(rep, 'opp-search').waitFor({ state: 'visible', timeout: 60_000 });
    await rep.locator('[data-testid="opp-search"] input').fill(dealName);
    await byTestId(rep, `opp-${opportunityId}`).waitFor({ state: 'visible', timeout: 30_000 });

    await byTestId(rep, 'opp-view-funnel').click();
    const row = byTestId(rep, 'funnel-方案报价');
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const funnel = await apiGet<{ stages: { name: string; count: number }[] }>(rep, '/api/pipeline/funnel?scope=mine');
    const count = funnel.stages.find((s) => s.name === '方案报价')!.count;
    expect(count).toBeGreaterThanOrEqual(1);
    await expect(row.locator('[data-testid="funnel-count"]').innerText()).resolves.toBe(`${count} 个`);
    await screenshot(rep, 'opportunities-06-funnel');

    await byTestId(rep, 'opp-view-forecast').click();
    await byTestId(rep, 'forecast').waitFor({ state: 'visible', timeout: 30_000 });
    // Grouped by expected-close month: the deal's month has a bar.
    await expect.poll(() => rep.locator('[data-testid^="forecast-20"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(rep, 'opportunities-07-forecast');

    await byTestId(rep, 'opp-view-kanban').click();
    await byTestId(rep, `kanban-card-${opportunityId}`).waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'opportunities-08-kanban');
  });

  it('moves a card on the phone kanban through the stage action sheet', async () => {
    await byTestId(rep, `kanban-move-${opportunityId}`).click();
    await chooseInSheet('商务谈判');
    await expect.poll(async () => (await apiGet<Opp>(rep, `/api/opportunities/${opportunityId}`)).stage.name, { timeout: 15_000 }).toBe('商务谈判');
    await byTestId(rep, 'kanban-col-商务谈判').locator(`[data-testid="kanban-card-${opportunityId}"]`).waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('asks for a reason when a deal is marked lost', async () => {
    const res = await rep.request.post(`${baseUrl()}/api/opportunities`, {
      headers: { Authorization: `Bearer ${await tokenOf(rep)}` },
      data: { customerId: customer.id, name: `${dealName} 备选方案` },
    });
    expect(res.status()).toBe(201);
    const lost = (await res.json()) as Opp;
    await rep.goto(`${baseUrl()}/pages/opportunities/detail/detail?id=${lost.id}`);
    await byTestId(rep, 'opp-header').waitFor({ state: 'visible', timeout: 30_000 });
    await moveTo('输单');
    const box = rep.locator('.wd-message-box');
    await box.locator('input').waitFor({ state: 'visible', timeout: 10_000 });
    await box.locator('input').fill('客户预算取消');
    await box.locator('.wd-message-box__actions-btn').last().click();
    await expect.poll(() => byTestId(rep, 'opp-header').innerText(), { timeout: 15_000 }).toContain('客户预算取消');
    await expect(byTestId(rep, 'opp-header').innerText()).resolves.toContain('输单');
    // A closed deal is read-only: no line editing, no contact adding.
    await expect(rep.locator('[data-testid="line-add"]').count()).resolves.toBe(0);
    await expect(rep.locator('[data-testid="opp-contact-add"]').count()).resolves.toBe(0);
  });

  it('opens the create form with the customer chosen, as the chat sidebar links to it', async () => {
    await rep.goto(`${baseUrl()}/pages/opportunities/edit/edit?customerId=${customer.id}`);
    await expect.poll(() => byTestId(rep, 'opp-form-customer').innerText(), { timeout: 30_000 }).toContain(customer.name);
    await expect(rep.locator('[data-testid="opp-form-customer-search"]').count()).resolves.toBe(0);
  });

  it('drags a card to another column on a desktop browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const desk = await context.newPage();
    await signInAs(desk, 'demo.rep1');
    await desk.goto(`${baseUrl()}/pages/opportunities/opportunities`);
    await byTestId(desk, 'opp-view-kanban').click();
    const card = byTestId(desk, 'kanban-col-商务谈判').locator(`[data-testid="kanban-card-${opportunityId}"]`);
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(desk.getByText('拖动卡片到其他列即可转阶段').count()).resolves.toBe(1);
    await card.dragTo(byTestId(desk, 'kanban-col-方案报价'));
    await expect.poll(async () => (await apiGet<Opp>(desk, `/api/opportunities/${opportunityId}`)).stage.name, { timeout: 15_000 }).toBe('方案报价');
    await byTestId(desk, 'kanban-col-方案报价').locator(`[data-testid="kanban-card-${opportunityId}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(desk, 'opportunities-09-desktop-kanban');
    await context.close();
  });
});
