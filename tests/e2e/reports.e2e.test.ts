import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/**
 * 汇报 and 借支 on phones: a rep writes today's daily report from the auto-filled draft, the leader
 * sees who has not reported, reads it and comments; the rep requests an advance and sees it in
 * approval with its balance.
 */
describe('work reports and advances', () => {
  let browser: Browser;
  let rep: Page;
  let manager: Page;
  const tag = runTag();
  let reportId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    [rep, manager] = await Promise.all([newPhonePage(browser), newPhonePage(browser)]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a rep writes the daily report from the auto-filled draft', async () => {
    await signInAs(rep, 'demo.rep2');
    await byTestId(rep, 'wb-reports').click();
    await rep.waitForURL(/\/pages\/reports\/reports/, { timeout: 30_000 });
    await byTestId(rep, 'report-write').click();
    await rep.waitForURL(/\/pages\/reports\/edit\/edit/, { timeout: 30_000 });
    await byTestId(rep, 'report-auto').waitFor({ state: 'visible', timeout: 30_000 });

    const done = rep.locator('[data-testid="report-done"] textarea');
    await done.fill(`${await done.inputValue()}\n完成报价评审 ${tag}`.trim());
    await rep.locator('[data-testid="report-plans"] textarea').fill('明天拜访两家重点客户');
    await screenshot(rep, 'reports-01-form');
    await byTestId(rep, 'report-submit').click();
    await rep.waitForURL(/\/pages\/reports\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    reportId = new URL(rep.url()).searchParams.get('id') ?? '';
    await expect(byTestId(rep, 'report-done-view').innerText()).resolves.toContain(tag);
  });

  it('the leader sees who has not reported, opens the report and comments on it', async () => {
    await signInAs(manager, 'demo.manager');
    await manager.goto(`${baseUrl()}/pages/reports/reports`);
    await byTestId(manager, 'report-scope-team').click();
    await byTestId(manager, 'report-missing').waitFor({ state: 'visible', timeout: 30_000 });
    const missing = await api<{ items: { name: string }[] }>(await devToken('demo.manager'), 'GET', '/api/reports/missing?type=daily');
    const rep2 = await api<{ name: string }>(await devToken('demo.rep2'), 'GET', '/api/me');
    expect(missing.items.map((p) => p.name)).not.toContain(rep2.name);
    if (missing.items[0]) await expect(byTestId(manager, 'report-missing').innerText()).resolves.toContain(missing.items[0].name);
    await screenshot(manager, 'reports-02-team');

    await byTestId(manager, `report-item-${reportId}`).click();
    await manager.waitForURL(/\/pages\/reports\/detail\/detail/, { timeout: 30_000 });
    await manager.locator('[data-testid="report-comment-input"] input').fill(`报价评审做得好 ${tag}`);
    await byTestId(manager, 'report-comment-send').click();
    await manager.locator('[data-testid="report-comment"]').filter({ hasText: tag }).waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(manager, 'reports-03-commented');

    await rep.reload();
    await rep.locator('[data-testid="report-comment"]').filter({ hasText: tag }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('a rep requests an advance and sees it in approval', async () => {
    await rep.goto(`${baseUrl()}/pages/advances/advances`);
    await byTestId(rep, 'advance-new').click();
    await rep.waitForURL(/\/pages\/advances\/new\/new/, { timeout: 30_000 });
    await rep.locator('[data-testid="advance-amount"] input').fill('1500.5');
    await rep.locator('[data-testid="advance-reason"] textarea').fill(`展会差旅备用金 ${tag}`);
    await byTestId(rep, 'advance-submit').click();
    await rep.waitForURL(/\/pages\/advances\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    await rep.getByText('¥1,500.50').first().waitFor({ state: 'visible', timeout: 30_000 });
    await rep.getByText('审批中').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'reports-04-advance');

    const id = new URL(rep.url()).searchParams.get('id') ?? '';
    const advance = await api<{ amount: number; status: string }>(await devToken('demo.rep2'), 'GET', `/api/advances/${id}`);
    expect(advance).toMatchObject({ amount: 150050, status: 'pending' });
  });

  it('shows the approval inbox and work reports in English once the user switches language', async () => {
    await manager.goto(`${baseUrl()}/pages/me/me`);
    await byTestId(manager, 'language-en').click();
    await manager.goto(`${baseUrl()}/pages/approvals/approvals`);
    for (const [box, label] of [['todo', 'To do'], ['mine', 'Mine'], ['cc', 'CC'], ['done', 'Done']]) {
      await expect(byTestId(manager, `approval-box-${box}`).innerText()).resolves.toContain(label);
    }
    await expect(manager.title()).resolves.toBe('Approvals');
    await manager.goto(`${baseUrl()}/pages/reports/reports`);
    await expect(byTestId(manager, 'report-write').innerText()).resolves.toBe('Write daily report');
    await screenshot(manager, 'reports-05-english');
  });
});
