import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** Signs in through the dev login API (demo/test mode) and returns a bearer token. */
async function tokenFor(wecomUserId: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wecomUserId }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface Results {
  leadsGenerated: number;
  leadsConverted: number;
}

/**
 * A lead's life on a phone: it arrives from a campaign landing page (the public web form) → a rep
 * claims it from the lead pool → logs a follow-up → converts it in the wizard → the customer is in
 * the rep's list and the campaign's results count the lead and the conversion.
 */
describe('lead journey: web form → claim → follow-up → convert', () => {
  let browser: Browser;
  let rep: Page;
  let managerToken = '';
  let campaign: { id: string; webFormPath: string };
  let before: Results;
  let leadId = '';
  const tag = Date.now().toString(36).slice(-5);
  const person = `访客${tag}`;
  const company = `端到端测试${tag}有限公司`;
  const mobile = `136${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    rep = await newPhonePage(browser);
    managerToken = await tokenFor('demo.manager');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a visitor submits the campaign web form and the lead lands in the lead pool', async () => {
    const list = await api<{ items: { id: string }[] }>(managerToken, '/api/campaigns?scope=all');
    expect(list.items.length).toBeGreaterThan(0);
    const detail = await api<{ id: string; webFormPath: string; results: Results }>(managerToken, `/api/campaigns/${list.items[0]!.id}`);
    campaign = { id: detail.id, webFormPath: detail.webFormPath };
    before = detail.results;
    const res = await fetch(`${baseUrl()}${campaign.webFormPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
      body: JSON.stringify({ name: person, mobile, company, need: '想了解企业微信 SCRM', website: '' }),
    });
    expect(res.status).toBe(201);
    const pool = await api<{ items: { id: string; name: string; ownerId: string | null }[] }>(managerToken, `/api/leads?scope=pool&q=${encodeURIComponent(person)}`);
    expect(pool.items).toHaveLength(1);
    expect(pool.items[0]!.ownerId).toBeNull();
    leadId = pool.items[0]!.id;
  });

  it('a rep finds it in the lead pool on the phone and claims it', async () => {
    await signInAs(rep, 'demo.rep1');
    await byTestId(rep, 'workbench-greeting').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(rep, 'wb-lead-pool').click({ timeout: 30_000 });
    await rep.waitForURL(/\/pages\/leads\/leads/, { timeout: 30_000 });
    await rep.locator('[data-testid="lead-search"] input').fill(person);
    await rep.locator('[data-testid="lead-search"] input').press('Enter');
    await byTestId(rep, `lead-claim-${leadId}`).click({ timeout: 30_000 });
    await byTestId(rep, `lead-claim-${leadId}`).waitFor({ state: 'detached', timeout: 30_000 });
    await screenshot(rep, 'leads-01-claimed');
    await byTestId(rep, 'lead-scope-mine').click();
    await byTestId(rep, `lead-item-${leadId}`).click({ timeout: 30_000 });
    await rep.waitForURL(/\/pages\/leads\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    await expect(byTestId(rep, 'lead-name').textContent({ timeout: 30_000 })).resolves.toContain(person);
  });

  it('logs a follow-up that shows on the timeline', async () => {
    await byTestId(rep, 'lead-followup-type-wechat').click({ timeout: 30_000 });
    await rep.locator('[data-testid="lead-followup-content"] textarea').fill('微信沟通：确认需求，约下周演示');
    await byTestId(rep, 'lead-followup-submit').click();
    await byTestId(rep, 'lead-timeline-follow_up').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'lead-timeline').textContent()).resolves.toContain('约下周演示');
    await screenshot(rep, 'leads-02-followed-up');
  });

  it('converts it in the three-step wizard into a new customer', async () => {
    await byTestId(rep, 'lead-convert').click();
    await rep.waitForURL(/\/pages\/leads\/convert\/convert/, { timeout: 30_000 });
    await byTestId(rep, 'convert-mode-new').click({ timeout: 30_000 });
    await byTestId(rep, 'convert-next').click();
    await expect(rep.locator('[data-testid="convert-customer-name"] input').inputValue({ timeout: 30_000 })).resolves.toBe(company);
    await rep.locator('[data-testid="convert-contact-title"] input').fill('采购经理');
    await byTestId(rep, 'convert-next').click();
    await expect(byTestId(rep, 'convert-summary').textContent()).resolves.toContain(company);
    await screenshot(rep, 'leads-03-convert-confirm');
    await byTestId(rep, 'convert-submit').click();
    await rep.waitForURL(/\/pages\/leads\/detail\/detail/, { timeout: 30_000 });
    await byTestId(rep, 'lead-conversion').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'lead-conversion').textContent()).resolves.toContain(company);
    await screenshot(rep, 'leads-04-converted');
  });

  it("the customer is in the rep's list and the campaign's results count the lead and the conversion", async () => {
    await rep.goto(`${baseUrl()}/pages/customers/customers`);
    await rep.locator('[data-testid="customer-search"] input').fill(company, { timeout: 30_000 });
    await rep.locator('[data-testid="customer-search"] input').press('Enter');
    // The customers list (its markup belongs to the customers pages): a card or list holding the new customer.
    await rep.locator('[data-testid="customer-list"], [data-testid="customer-card"]').filter({ hasText: company }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'leads-05-customer-list');

    const after = await api<Results>(managerToken, `/api/campaigns/${campaign.id}/results`);
    expect(after.leadsGenerated).toBe(before.leadsGenerated + 1);
    expect(after.leadsConverted).toBe(before.leadsConverted + 1);
    const leader = await newPhonePage(browser);
    await signInAs(leader, 'demo.manager');
    await leader.goto(`${baseUrl()}/pages/campaigns/detail/detail?id=${campaign.id}`);
    await expect(byTestId(leader, 'campaign-converted').textContent({ timeout: 30_000 })).resolves.toBe(String(after.leadsConverted));
    await screenshot(leader, 'leads-06-campaign-results');
  });
});

/** A marketing manager on the phone: creates a campaign (budget typed in 元, stored in exact fen), edits it, reads the lead reports. */
describe('campaign create / edit and lead reports on the phone', () => {
  let browser: Browser;
  let page: Page;
  let token = '';
  const name = `端到端活动${Date.now().toString(36).slice(-5)}`;
  let campaignId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPhonePage(browser);
    token = await tokenFor('demo.manager');
    await signInAs(page, 'demo.manager');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a campaign from the campaign list; the budget arrives as exact fen', async () => {
    await page.goto(`${baseUrl()}/pages/campaigns/campaigns`);
    await byTestId(page, 'campaign-create').click({ timeout: 30_000 });
    await page.waitForURL(/\/pages\/campaigns\/edit\/edit/, { timeout: 30_000 });
    await page.locator('[data-testid="campaign-form-name"] input').fill(name, { timeout: 30_000 });
    await page.locator('[data-testid="campaign-form-channel"] input').fill('公众号');
    await page.locator('[data-testid="campaign-form-budget"] input').fill('1234.29');
    await screenshot(page, 'campaigns-01-create');
    await byTestId(page, 'campaign-form-save').click();
    await page.waitForURL(/\/pages\/campaigns\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    campaignId = new URL(page.url()).searchParams.get('id')!;
    const c = await api<{ name: string; budget: number; channel: string; ownerName: string | null }>(token, `/api/campaigns/${campaignId}`);
    expect(c).toMatchObject({ name, budget: 123_429, channel: '公众号' });
  });

  it('edits it from the detail page', async () => {
    await byTestId(page, 'campaign-edit').click({ timeout: 30_000 });
    await page.waitForURL(/\/pages\/campaigns\/edit\/edit\?id=\d+/, { timeout: 30_000 });
    const budget = page.locator('[data-testid="campaign-form-budget"] input');
    await expect.poll(() => budget.inputValue(), { timeout: 30_000 }).toBe('1234.29');
    await budget.fill('2000');
    await byTestId(page, 'campaign-form-save').click();
    await page.waitForURL(/\/pages\/campaigns\/detail\/detail/, { timeout: 30_000 });
    expect((await api<{ budget: number }>(token, `/api/campaigns/${campaignId}`)).budget).toBe(200_000);
  });

  it('the lead reports page shows the funnel and conversions per marketer / campaign', async () => {
    await page.goto(`${baseUrl()}/pages/campaigns/campaigns`);
    await byTestId(page, 'campaign-reports').click({ timeout: 30_000 });
    await page.waitForURL(/\/pages\/leads\/reports\/reports/, { timeout: 30_000 });
    await byTestId(page, 'lead-reports-period-year').click({ timeout: 30_000 });
    const funnel = await api<{ leads: number }>(token, `/api/lead-reports/funnel?from=${encodeURIComponent(`${new Date().getFullYear()}-01-01T00:00:00+08:00`)}`);
    await expect.poll(async () => (await byTestId(page, 'lead-reports-funnel-leads').textContent())?.trim(), { timeout: 30_000 }).toBe(String(funnel.leads));
    await byTestId(page, 'lead-reports-group-campaign').click();
    await page.locator('[data-testid^="lead-reports-row-"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'leads-07-reports');
  });
});
