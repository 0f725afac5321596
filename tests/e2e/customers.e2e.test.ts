import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

interface Customer {
  id: string;
  name: string;
  ownerId: string | null;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/**
 * The customer pages as demo.rep1 on a 360 px phone: 我的 list with search, a customer's detail
 * tabs and timeline, creating one with Chinese validation, returning one to the pool (reason
 * required, confirmation) and claiming one from 公海.
 */
describe('customer pages', () => {
  let browser: Browser;
  let page: Page;
  let rep1: string;
  let rep1Id: string;
  const tag = runTag();
  let mine: Customer;
  let pooled: Customer;

  beforeAll(async () => {
    rep1 = await devToken('demo.rep1');
    rep1Id = (await api<{ id: string }>(rep1, 'GET', '/api/me')).id;
    const admin = await devToken('demo.admin');
    const pools = await api<{ items: { id: string }[] }>(admin, 'GET', '/api/pools?entityType=customer');
    if (!pools.items.length) await api(admin, 'POST', '/api/pools', { entityType: 'customer', name: '公海', isDefault: true });
    // A cooldown, so claiming back what one just returned breaks a pool rule (409).
    for (const pool of (await api<{ items: { id: string }[] }>(admin, 'GET', '/api/pools?entityType=customer')).items) {
      await api(admin, 'PATCH', `/api/pools/${pool.id}`, { cooldownDays: 7 });
    }
    // Our own records, so the test never depends on (or disturbs) the demo book.
    mine = await api<Customer>(rep1, 'POST', '/api/customers', { name: `星辰智造 E2E ${tag}`, grade: 'A', industry: '智能制造', contact: { name: '周明', mobile: '13900001111' } });
    pooled = await api<Customer>(admin, 'POST', '/api/customers', { name: `公海样例 E2E ${tag}`, ownerId: null, industry: '物流' });
    expect(pooled.ownerId).toBeNull();
    browser = await launchBrowser();
    page = await newPhonePage(browser);
    await signInAs(page, 'demo.rep1');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function search(text: string): Promise<void> {
    const box = page.locator('[data-testid="customer-search"] input');
    await box.fill(text);
    await box.press('Enter');
  }

  it('shows 我的 customers with scope tabs and finds one by keyword', async () => {
    await page.goto(`${baseUrl()}/pages/customers/customers`);
    await byTestId(page, 'customer-list').waitFor({ state: 'visible', timeout: 30_000 });
    for (const label of ['我的', '下属', '公海', '全部']) await expect(byTestId(page, 'customer-scopes').innerText()).resolves.toContain(label);
    await screenshot(page, 'customers-01-mine');
    await search(tag);
    await byTestId(page, `customer-item-${mine.id}`).waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(page, 'customer-list').innerText()).resolves.not.toContain(pooled.name);
    // Searching a contact's phone finds the customer too.
    await search('13900001111');
    await byTestId(page, `customer-item-${mine.id}`).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('opens a customer: card, profile, contacts and timeline tabs', async () => {
    await byTestId(page, `customer-item-${mine.id}`).click();
    await page.waitForURL(/\/pages\/customers\/detail\/detail\?id=/, { timeout: 30_000 });
    await expect(byTestId(page, 'customer-card-name').innerText()).resolves.toBe(mine.name);
    await expect(byTestId(page, 'customer-profile').innerText()).resolves.toContain('智能制造');
    await byTestId(page, 'customer-tab-contacts').click();
    await byTestId(page, 'customer-contacts').getByText('周明').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(page, 'customer-tab-timeline').click();
    await byTestId(page, 'customer-timeline').getByText('创建').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'customers-02-detail');
  });

  it('returns a customer to the pool only with a reason and after confirming', async () => {
    await byTestId(page, 'customer-more').click();
    await page.locator('.uni-actionsheet').getByText('退回公海').click();
    const modal = page.locator('.uni-modal');
    await modal.waitFor({ state: 'visible', timeout: 10_000 });
    // No reason → refused, the dialog asks again.
    await modal.locator('.uni-modal__btn_primary').click();
    await page.getByText('请填写原因').waitFor({ state: 'visible', timeout: 10_000 });
    await modal.waitFor({ state: 'visible', timeout: 10_000 });
    await modal.locator('textarea, input').first().fill('客户暂无预算，年后再跟');
    await modal.locator('.uni-modal__btn_primary').click();
    await page.locator('.uni-modal').getByText('确定退回').waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'customers-03-confirm-return');
    await page.locator('.uni-modal .uni-modal__btn_primary').click();
    await expect
      .poll(async () => (await api<Customer>(rep1, 'GET', `/api/customers/${mine.id}`).catch(() => ({ ownerId: 'hidden' }) as Customer)).ownerId, { timeout: 15_000 })
      .not.toBe(rep1Id);
  });

  it('claims a customer from 公海', async () => {
    await page.goto(`${baseUrl()}/pages/customers/customers`);
    await byTestId(page, 'customer-list').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(page, 'customer-scope-pool').click();
    await search(`公海样例 E2E ${tag}`);
    const claim = byTestId(page, `claim-${pooled.id}`);
    await claim.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'customers-04-pool');
    await claim.click();
    await claim.waitFor({ state: 'detached', timeout: 15_000 });
    const after = await api<Customer>(rep1, 'GET', `/api/customers/${pooled.id}`);
    expect(after.ownerId).toBe(rep1Id);

    await byTestId(page, 'customer-scope-mine').click();
    await byTestId(page, `customer-item-${pooled.id}`).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it("shows the pool rule's Chinese message when claiming back a customer one just returned", async () => {
    await byTestId(page, 'customer-scope-pool').click();
    await search(mine.name);
    await byTestId(page, `claim-${mine.id}`).click();
    const dialog = page.locator('.uni-modal');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    // The server's own sentence (pool_claim_cooldown), not a generic error.
    await expect(dialog.innerText()).resolves.toContain('暂不能重新领取');
    await screenshot(page, 'customers-05-rule-409');
    await dialog.locator('.uni-modal__btn_primary').click();
    const still = await api<{ items: Customer[] }>(rep1, 'GET', `/api/customers?scope=pool&q=${encodeURIComponent(mine.name)}`);
    expect(still.items.map((c) => c.id)).toContain(mine.id);
  });

  it('transfers a customer to a colleague picked by account', async () => {
    const target = await api<Customer>(rep1, 'POST', '/api/customers', { name: `转移样例 E2E ${tag}` });
    const rep2 = await api<{ id: string }>(await devToken('demo.rep2'), 'GET', '/api/me');
    await page.goto(`${baseUrl()}/pages/customers/detail/detail?id=${target.id}`);
    await byTestId(page, 'customer-more').click();
    await page.locator('.uni-actionsheet').getByText('转移给同事').click();
    const modal = page.locator('.uni-modal');
    await modal.getByText('选择同事').waitFor({ state: 'visible', timeout: 10_000 });
    await modal.locator('textarea, input').first().fill('demo.rep2');
    await modal.locator('.uni-modal__btn_primary').click();
    // The reason is optional for a transfer.
    await modal.getByText('转移给同事原因').waitFor({ state: 'visible', timeout: 10_000 });
    await modal.locator('textarea, input').first().fill('区域调整');
    await modal.locator('.uni-modal__btn_primary').click();
    await expect
      .poll(async () => (await api<Customer>(await devToken('demo.rep2'), 'GET', `/api/customers/${target.id}`)).ownerId, { timeout: 15_000 })
      .toBe(rep2.id);
  });

  it('creates a customer with field validation in Chinese', async () => {
    await page.goto(`${baseUrl()}/pages/customers/customers`);
    await byTestId(page, 'customer-create').click();
    await page.waitForURL(/\/pages\/customers\/edit\/edit/, { timeout: 30_000 });
    await byTestId(page, 'customer-save').click();
    await expect(byTestId(page, 'form-error-name').innerText()).resolves.toBe('请填写客户名称');
    const name = `云栖数据 E2E ${tag}`;
    await page.locator('[data-testid="form-name"] input').fill(name);
    await page.locator('[data-testid="form-contactMobile"] input').fill('12345');
    await byTestId(page, 'customer-save').click();
    await byTestId(page, 'form-error-contactMobile').waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('[data-testid="form-contactName"] input').fill('林婷');
    await page.locator('[data-testid="form-contactMobile"] input').fill('13700002222');
    // The grade chips are the corp's list (GET /api/customer-grades), not a list built into the app.
    const grades = await api<{ items: string[] }>(rep1, 'GET', '/api/customer-grades');
    await expect.poll(() => page.locator('[data-testid^="form-grade-"]').count(), { timeout: 10_000 }).toBe(grades.items.length);
    await byTestId(page, 'form-grade-B').click();
    await screenshot(page, 'customers-05-form');
    await byTestId(page, 'customer-save').click();
    await page.waitForURL(/\/pages\/customers\/detail\/detail\?id=/, { timeout: 30_000 });
    await expect(byTestId(page, 'customer-card-name').innerText()).resolves.toBe(name);
  });

  it('imports customers from Excel with a row-level error report, and exports the scope', async () => {
    const { default: ExcelJS } = await import('exceljs');
    await page.goto(`${baseUrl()}/pages/customers/import/import?scope=mine`);
    await byTestId(page, 'io-template').waitFor({ state: 'visible', timeout: 30_000 });

    // The template, downloaded with the session.
    const [templateDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), byTestId(page, 'io-template').click()]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile((await templateDownload.path())!);
    const sheet = template.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('客户名称');

    // Filled in: the sample row replaced by one good row and one with a bad credit code.
    const good = `表格导入 E2E ${tag}`;
    sheet.spliceRows(2, sheet.rowCount - 1);
    sheet.addRow([good, '', '软件', 'B']);
    sheet.addRow([`表格导入坏行 E2E ${tag}`, '91350100M000100Y44', '软件', 'C']);
    const file = Buffer.from(await template.xlsx.writeBuffer());

    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30_000 }), byTestId(page, 'io-upload').click()]);
    await chooser.setFiles({ name: 'customers.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    const result = byTestId(page, 'io-result');
    await result.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(result.innerText()).resolves.toContain('新增 1');
    await expect(byTestId(page, 'io-error-3').innerText()).resolves.toContain('统一社会信用代码');
    await screenshot(page, 'customers-06-import');
    const found = await api<{ items: Customer[] }>(rep1, 'GET', `/api/customers?scope=mine&q=${encodeURIComponent(good)}`);
    expect(found.items.map((c) => c.name)).toContain(good);

    // Export of 我的: an Excel file holding the imported customer.
    const [exported] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), byTestId(page, 'io-export').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await exported.path())!);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push(String(row.getCell(1).value)));
    expect(cells).toContain(good);
  });

  it('adds and edits a contact on the customer page, then plans a visit with that contact', async () => {
    const own = await api<Customer>(rep1, 'POST', '/api/customers', { name: `联系人样例 E2E ${tag}`, contact: { name: '钱多多' } });
    await page.goto(`${baseUrl()}/pages/customers/detail/detail?id=${own.id}`);
    await byTestId(page, 'customer-tab-contacts').click();
    await byTestId(page, 'customer-contacts').getByText('钱多多').waitFor({ state: 'visible', timeout: 30_000 });

    await byTestId(page, 'contact-add').click();
    await page.locator('[data-testid="contact-form-name"] input').fill('孙采购');
    await page.locator('[data-testid="contact-form-title"] input').fill('采购主管');
    await page.locator('[data-testid="contact-form-mobile"] input').fill('13900002222');
    await byTestId(page, 'contact-form-kdm').click();
    await byTestId(page, 'contact-form-submit').click();
    await byTestId(page, 'customer-contacts').getByText('孙采购').waitFor({ state: 'visible', timeout: 30_000 });
    type Contact = { id: string; name: string; title: string | null; mobile: string | null; isKeyDecisionMaker: boolean };
    const list = async () => (await api<{ items: Contact[] }>(rep1, 'GET', `/api/contacts?scope=all&customerId=${own.id}`)).items;
    const added = (await list()).find((c) => c.name === '孙采购')!;
    expect(added).toMatchObject({ title: '采购主管', mobile: '13900002222', isKeyDecisionMaker: true });

    await byTestId(page, `contact-edit-${added.id}`).click();
    await expect(page.locator('[data-testid="contact-form-name"] input').inputValue()).resolves.toBe('孙采购');
    await page.locator('[data-testid="contact-form-title"] input').fill('采购总监');
    await byTestId(page, 'contact-form-submit').click();
    await byTestId(page, 'customer-contacts').getByText('采购总监').waitFor({ state: 'visible', timeout: 30_000 });
    expect((await list()).find((c) => c.id === added.id)?.title).toBe('采购总监');
    await screenshot(page, 'customers-07-contacts');

    // 计划拜访 from the customer page: the customer is chosen, its contacts are offered.
    await byTestId(page, 'customer-plan-visit').click();
    await page.waitForURL(/\/pages\/visits\/plan\/plan\?customerId=/, { timeout: 30_000 });
    await expect(byTestId(page, 'plan-customer').innerText()).resolves.toContain(own.name);
    await byTestId(page, `plan-contact-${added.id}`).click();
    await page.locator('[data-testid="plan-purpose"] input').fill('采购流程沟通');
    await screenshot(page, 'customers-08-plan-visit');
    await byTestId(page, 'plan-submit').click();
    await page.waitForURL(/\/pages\/visits\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    const visitId = new URL(page.url()).searchParams.get('id')!;
    const visit = await api<{ customerId: string; contactIds: string[] }>(rep1, 'GET', `/api/visits/${visitId}`);
    expect(visit.customerId).toBe(own.id);
    expect(visit.contactIds).toEqual([added.id]);
  });
});
